using Grpc.Core;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Tests.Identification;

namespace Platform.HouseholdRegistry.Tests.Changes;

/// <summary>
/// A county civil-affairs bureau (民政局) keeps its own list of registered households for 低保 matching,
/// fed only by the change feed. After registrations, member changes, an exit and a dropped connection,
/// its copy equals the registry's own view of the county.
/// </summary>
public sealed class CivilAffairsSubscriberTests
{
    [Fact]
    public async Task The_bureaus_copy_built_from_the_feed_equals_the_registrys_view_after_registrations_member_changes_and_an_exit()
    {
        await using var h = new IdentificationHarness();
        var registry = h.Registry;
        var bureau = new CivilAffairsCopy(registry.Feed(), registry.Department(Seeded.Huoqiu, personalData: true));

        var (first, _) = await h.RegisterAsync();
        var (second, _) = await h.RegisterAsync();
        await registry.NumberedAsync();
        await bureau.FollowUntilCaughtUpAsync();

        // While the bureau's system is away: a birth, a death and a changed fact; a third registration;
        // an applicant's member change (not registered: not the bureau's concern); the first household exits.
        await registry.Households.ChangeMembersAsync(new ChangeMembersRequest
        {
            HouseholdId = second.HouseholdId,
            Add = { Applications.Member("李小花", Relationship.Child, male: false, labour: LabourCapacity.None, schooling: SchoolingStatus.NotOfSchoolAge) },
            Remove = { new MemberRemoval { MemberId = second.Members[1].MemberId, Reason = MemberRemovalReason.Death } },
            Update = { new MemberFactsUpdate { MemberId = second.Members[2].MemberId, Health = HealthStatus.SeriousIllness, LabourCapacity = LabourCapacity.None, Schooling = SchoolingStatus.DroppedOut } },
        }, h.Village);
        var (third, _) = await h.RegisterAsync();
        var applicant = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        await registry.Households.ChangeMembersAsync(new ChangeMembersRequest
        {
            HouseholdId = applicant.HouseholdId,
            Update = { new MemberFactsUpdate { MemberId = applicant.Members[0].MemberId, Health = HealthStatus.ChronicIllness, LabourCapacity = LabourCapacity.Weak, Schooling = SchoolingStatus.NotOfSchoolAge } },
        }, h.Village);
        await h.MarkForExitAsync(first.HouseholdId);
        var exit = (await h.Cases.OpenExitCaseAsync(new OpenExitCaseRequest { HouseholdId = first.HouseholdId }, h.Village)).Case;
        exit = await h.CloseOpenNoticeAsync(await h.ReviewAsync(exit.CaseId));
        exit = (await h.Cases.ApproveInCountyAsync(new ApproveInCountyRequest { CaseId = exit.CaseId }, h.County)).Case;
        await h.CloseOpenNoticeAsync(exit);

        await registry.NumberedAsync();
        await bureau.FollowUntilCaughtUpAsync();

        var view = await RegistryViewAsync(h);
        Assert.Equal([first.HouseholdId, second.HouseholdId, third.HouseholdId], view.Keys.Order());
        Assert.Equal(view.Keys.Order(), bureau.Households.Keys.Order());
        foreach (var (id, expected) in view)
        {
            Assert.Equal(expected, bureau.Households[id]);
        }

        Assert.Equal("Exited", bureau.Households[first.HouseholdId].Status);
        Assert.Equal(3, bureau.Households[second.HouseholdId].Members.Count);
    }

    /// <summary>The county's registered and exited households as the registry's own listing shows them.</summary>
    private static async Task<Dictionary<string, CopiedHousehold>> RegistryViewAsync(IdentificationHarness h)
    {
        var view = new Dictionary<string, CopiedHousehold>();
        foreach (var status in new[] { HouseholdStatus.Registered, HouseholdStatus.Exited })
        {
            var listed = await h.Registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest { Status = status, Page = new PageRequest { PageSize = 500 } }, h.County);
            foreach (var household in listed.Households)
            {
                view[household.HouseholdId] = new CopiedHousehold(status == HouseholdStatus.Registered ? "Registered" : "Exited", [.. household.Members.Select(CopiedMember.Of)]);
            }
        }

        return view;
    }

    /// <summary>The bureau's side: a cursor it keeps, and its own table of households it updates per change.</summary>
    private sealed class CivilAffairsCopy(HouseholdChangeService.HouseholdChangeServiceClient feed, CallOptions credentials)
    {
        private string _cursor = "";

        public Dictionary<string, CopiedHousehold> Households { get; } = [];

        /// <summary>Follows the stream from its cursor until nothing is left, then drops the connection (as a nightly job would).</summary>
        public async Task FollowUntilCaughtUpAsync()
        {
            var everything = await feed.ListChangesAsync(new ListChangesRequest { AfterCursor = _cursor, PageSize = 1000 }, credentials);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            using var call = feed.WatchChanges(new WatchChangesRequest { AfterCursor = _cursor }, credentials.WithCancellationToken(stop.Token));
            var pending = everything.Changes.Count;
            while (pending-- > 0 && await call.ResponseStream.MoveNext(stop.Token))
            {
                Apply(call.ResponseStream.Current.Change);
            }

            await stop.CancelAsync();
            if (!everything.CaughtUp)
            {
                await FollowUntilCaughtUpAsync();
            }
        }

        private void Apply(HouseholdChange change)
        {
            var known = Households.TryGetValue(change.HouseholdId, out var household);
            switch (change.DetailCase)
            {
                case HouseholdChange.DetailOneofCase.Registered:
                    Households[change.HouseholdId] = new CopiedHousehold("Registered", [.. change.Registered.Members.Select(CopiedMember.Of)]);
                    break;
                case HouseholdChange.DetailOneofCase.MembersChanged when known:
                    Households[change.HouseholdId] = household! with { Members = [.. change.MembersChanged.Members.Select(CopiedMember.Of)] };
                    break;
                case HouseholdChange.DetailOneofCase.Exited when known:
                    Households[change.HouseholdId] = household! with { Status = "Exited" };
                    break;
                case HouseholdChange.DetailOneofCase.Reentered when known:
                    Households[change.HouseholdId] = household! with { Status = "Registered" };
                    break;
            }

            _cursor = change.Cursor;
        }
    }

    private sealed record CopiedHousehold(string Status, IReadOnlyList<CopiedMember> Members)
    {
        public bool Equals(CopiedHousehold? other) => other is not null && Status == other.Status && Members.SequenceEqual(other.Members);

        public override int GetHashCode() => Status.GetHashCode();
    }

    private sealed record CopiedMember(string MemberId, string Name, string NationalId, Relationship Relationship, HealthStatus Health, LabourCapacity Labour, SchoolingStatus Schooling)
    {
        public static CopiedMember Of(Member m) => new(m.MemberId, m.Name, m.NationalId, m.Relationship, m.Health, m.LabourCapacity, m.Schooling);
    }
}
