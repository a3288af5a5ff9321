// One AppHost at a time: each starts a broker, a database server and every service's replicas, and
// two starting side by side on a 2-core CI machine ran the second past its start-up limit.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
