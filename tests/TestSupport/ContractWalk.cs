using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults;

namespace Platform.Testing;

/// <summary>
/// Walks every unary RPC a service maps, by its contract's descriptors, and calls it with a request
/// built field by field. Cross-cutting checks (page tokens, ids) then cover a handler added
/// tomorrow without anyone remembering to write its test.
/// </summary>
public static class ContractWalk
{
    public const string PageRequestType = "pa.common.v1.PageRequest";

    /// <summary>The unary methods the running service maps, with their contract descriptors.</summary>
    public static IReadOnlyList<MethodDescriptor> UnaryMethods(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>())
            .OfType<GrpcMethodMetadata>()
            .Where(m => m.Method.Type == MethodType.Unary)
            .Select(m => ServiceDescriptorOf(m.ServiceType)?.FindMethodByName(m.Method.Name))
            .OfType<MethodDescriptor>()
            .DistinctBy(Paging.ListOf)
            .OrderBy(Paging.ListOf, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every RPC of ours the running service maps (not health or reflection), as "/package.Service/Method", with the callers its handler declares (null when it declares none).</summary>
    public static IReadOnlyList<(string Path, AllowAttribute? Allow)> DeclaredCallers(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<GrpcMethodMetadata>() is not null && e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            .Select(e => (Path: e.Metadata.GetMetadata<GrpcMethodMetadata>()!.Method.FullName, Allow: e.Metadata.GetMetadata<AllowAttribute>()))
            .DistinctBy(m => m.Path)
            .OrderBy(m => m.Path, StringComparer.Ordinal)
            .ToList();

    /// <summary>The request's page field (of type pa.common.v1.PageRequest), or null for a method that is not a list.</summary>
    public static FieldDescriptor? PageField(MethodDescriptor method) =>
        method.InputType.Fields.InFieldNumberOrder().FirstOrDefault(f => f.FieldType == FieldType.Message && f.MessageType.FullName == PageRequestType);

    /// <summary>The request's top-level string fields that name a record: *_id and *_ids, except national ids.</summary>
    public static IReadOnlyList<FieldDescriptor> IdFields(MethodDescriptor method) =>
        method.InputType.Fields.InFieldNumberOrder()
            .Where(f => f.FieldType == FieldType.String && (f.Name.EndsWith("_id", StringComparison.Ordinal) || f.Name.EndsWith("_ids", StringComparison.Ordinal)))
            .Where(f => !f.Name.Contains("national_id", StringComparison.Ordinal))
            .ToList();

    /// <summary>An empty request of the method's input type.</summary>
    public static IMessage NewRequest(MethodDescriptor method) => method.InputType.Parser.ParseFrom(ByteString.Empty);

    /// <summary>Sets a string field (appending when it is repeated).</summary>
    public static void SetString(IMessage request, FieldDescriptor field, string value)
    {
        if (field.IsRepeated)
        {
            ((System.Collections.IList)field.Accessor.GetValue(request)).Add(value);
        }
        else
        {
            field.Accessor.SetValue(request, value);
        }
    }

    /// <summary>
    /// Calls the method as each caller in turn until one is not refused for its role, and returns
    /// that call's status (OK when it succeeded) and, for INVALID_ARGUMENT, the fields it named.
    /// </summary>
    public static async Task<(StatusCode Code, IReadOnlyList<string> Fields)> CallAsync(CallInvoker invoker, MethodDescriptor method, IMessage request, IEnumerable<CallOptions> callers)
    {
        var result = (Code: StatusCode.PermissionDenied, Fields: (IReadOnlyList<string>)[]);
        foreach (var options in callers)
        {
            result = await CallOnceAsync(invoker, method, request, options);
            if (result.Code != StatusCode.PermissionDenied)
            {
                break;
            }
        }

        return result;
    }

    private static async Task<(StatusCode, IReadOnlyList<string>)> CallOnceAsync(CallInvoker invoker, MethodDescriptor method, IMessage request, CallOptions options)
    {
        var marshaller = Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes));
        var requestMarshaller = Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes));
        var call = new Method<IMessage, IMessage>(MethodType.Unary, method.Service.FullName, method.Name, requestMarshaller, marshaller);
        try
        {
            using var pending = invoker.AsyncUnaryCall(call, null, options.WithDeadline(DateTime.UtcNow.AddSeconds(30)), request);
            await pending.ResponseAsync;
            return (StatusCode.OK, []);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.InvalidArgument)
        {
            return (error.StatusCode, RpcAssert.InvalidFields(error));
        }
        catch (RpcException error)
        {
            return (error.StatusCode, []);
        }
    }

    /// <summary>The generated contract class's descriptor for a service implementation (its base is <c>XService.XServiceBase</c>).</summary>
    private static Google.Protobuf.Reflection.ServiceDescriptor? ServiceDescriptorOf(Type implementation)
    {
        for (var type = implementation; type is not null; type = type.BaseType)
        {
            if (type.DeclaringType?.GetProperty("Descriptor")?.GetValue(null) is Google.Protobuf.Reflection.ServiceDescriptor descriptor)
            {
                return descriptor;
            }
        }

        return null;
    }
}
