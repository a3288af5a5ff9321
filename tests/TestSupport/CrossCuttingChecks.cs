using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.AspNetCore.WebUtilities;
using Pa.Common.V1;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Testing;

/// <summary>
/// The checks every service owes its callers on every RPC, run over the whole contract by
/// <see cref="ContractWalk"/>: each returns the RPCs that broke the rule, so one run names them all.
/// </summary>
public static class CrossCuttingChecks
{
    /// <summary>What a walk called (so a test can show it reached the RPCs it means) and what broke the rule.</summary>
    public sealed record Walk(IReadOnlyList<string> Checked, IReadOnlyList<string> Failures);

    private const string ZeroId = "00000000-0000-0000-0000-000000000000";

    /// <summary>Every role, in the order tried: a method is checked as the first role it does not refuse.</summary>
    public static IReadOnlyList<CallOptions> EveryRole(Func<string, string, IEnumerable<string>?, CallOptions> asRole)
    {
        var departments = new[] { "education", "health", "housing", "water", "employment", "relocation" }.Select(PlatformClaims.DepartmentScope);
        return
        [
            asRole(PlatformRoles.CountyOfficer, TestRegions.County, [PlatformClaims.PersonalDataScope]),
            asRole(PlatformRoles.VillageOfficer, TestRegions.Village, [PlatformClaims.PersonalDataScope]),
            asRole(PlatformRoles.TownshipOfficer, TestRegions.Township, [PlatformClaims.PersonalDataScope]),
            asRole(PlatformRoles.ProvincialOfficer, TestRegions.Province, [PlatformClaims.PersonalDataScope]),
            asRole(PlatformRoles.Auditor, TestRegions.Province, [PlatformClaims.PersonalDataScope]),
            asRole(PlatformRoles.DepartmentClient, TestRegions.Province, departments),
            asRole(PlatformRoles.Operator, TestRegions.Province, null),
        ];
    }

    /// <summary>Lists that answer anything but INVALID_ARGUMENT naming "&lt;page field&gt;.page_token" for a token they did not make.</summary>
    public static async Task<Walk> ListsAcceptingForeignTokensAsync(IServiceProvider services, CallInvoker invoker, IReadOnlyList<CallOptions> callers)
    {
        var failures = new List<string>();
        var walked = new List<string>();
        foreach (var method in ContractWalk.UnaryMethods(services))
        {
            if (ContractWalk.PageField(method) is not { } pageField)
            {
                continue;
            }

            walked.Add(method.Name);
            foreach (var (kind, token) in ForeignTokens(Paging.ListOf(method)))
            {
                var request = ContractWalk.NewRequest(method);
                pageField.Accessor.SetValue(request, new PageRequest { PageToken = token });
                var (code, fields) = await ContractWalk.CallAsync(invoker, method, request, callers);
                var expected = $"{pageField.Name}.page_token";
                if (code != StatusCode.InvalidArgument || !fields.Contains(expected))
                {
                    failures.Add($"{Paging.ListOf(method)} with {kind}: {code} [{string.Join(", ", fields)}], expected INVALID_ARGUMENT naming {expected}");
                }
            }
        }

        return new Walk(walked, failures);
    }

    /// <summary>RPCs that answer anything but INVALID_ARGUMENT naming the id field for a non-UUID, a braced UUID or the all-zero UUID.</summary>
    public static async Task<Walk> RpcsAcceptingBadIdsAsync(IServiceProvider services, CallInvoker invoker, IReadOnlyList<CallOptions> callers)
    {
        var failures = new List<string>();
        var walked = new List<string>();
        string[] badIds = ["not-a-uuid", ZeroId, "{" + Guid.NewGuid() + "}"];
        foreach (var method in ContractWalk.UnaryMethods(services))
        {
            foreach (var field in ContractWalk.IdFields(method))
            {
                walked.Add($"{method.Name}.{field.Name}");
                foreach (var bad in badIds)
                {
                    var request = ContractWalk.NewRequest(method);
                    ContractWalk.SetString(request, field, bad);
                    var (code, fields) = await ContractWalk.CallAsync(invoker, method, request, callers);
                    if (code != StatusCode.InvalidArgument || !fields.Any(f => f == field.Name || f.StartsWith(field.Name + "[", StringComparison.Ordinal)))
                    {
                        failures.Add($"{Paging.ListOf(method)} {field.Name}=\"{bad}\": {code} [{string.Join(", ", fields)}]");
                    }
                }
            }
        }

        return new Walk(walked, failures);
    }

    /// <summary>
    /// RPCs that let through a request breaking one of their contract's field rules: for every rule
    /// <see cref="RuleProbes"/> finds in the descriptors, a request breaking only that rule (on an
    /// otherwise empty request) must answer INVALID_ARGUMENT naming the field.
    /// </summary>
    public static async Task<Walk> RulesNotEnforcedAsync(IServiceProvider services, CallInvoker invoker, IReadOnlyList<CallOptions> callers)
    {
        var failures = new List<string>();
        var walked = new List<string>();
        foreach (var method in ContractWalk.UnaryMethods(services))
        {
            foreach (var probe in RuleProbes.For(method.InputType))
            {
                walked.Add($"{method.Name}.{probe.Path} {probe.Rule}");
                var request = ContractWalk.NewRequest(method);
                probe.Break(request);
                var (code, fields) = await ContractWalk.CallAsync(invoker, method, request, callers);
                if (code != StatusCode.InvalidArgument || !fields.Any(f => Names(f, probe.Path)))
                {
                    failures.Add($"{Paging.ListOf(method)} {probe.Path} ({probe.Rule}): {code} [{string.Join(", ", fields)}]");
                }
            }
        }

        return new Walk(walked, failures);
    }

    /// <summary>
    /// RPCs that answered a call about one household without adding to the audit trail: every unary
    /// method whose request names a <c>household_id</c> is called with <paramref name="householdId"/>
    /// (a household the callers may see) and nothing else; each that answers OK must have written at
    /// least one audit record. Checked lists the methods that answered OK.
    /// </summary>
    public static async Task<Walk> HouseholdCallsNotAuditedAsync(IServiceProvider services, CallInvoker invoker, IReadOnlyList<CallOptions> callers,
        string householdId, Func<Task<long>> auditRows)
    {
        var failures = new List<string>();
        var answered = new List<string>();
        foreach (var method in ContractWalk.UnaryMethods(services))
        {
            if (method.InputType.FindFieldByName("household_id") is not { FieldType: Google.Protobuf.Reflection.FieldType.String, IsRepeated: false } field)
            {
                continue;
            }

            var request = ContractWalk.NewRequest(method);
            field.Accessor.SetValue(request, householdId);
            var before = await auditRows();
            var (code, _) = await ContractWalk.CallAsync(invoker, method, request, callers);
            if (code != StatusCode.OK)
            {
                continue;
            }

            answered.Add(method.Name);
            if (await auditRows() <= before)
            {
                failures.Add($"{Paging.ListOf(method)} answered OK for household {householdId} and wrote no audit record");
            }
        }

        return new Walk(answered, failures);
    }

    /// <summary>
    /// RPCs that declare no callers (no <see cref="AllowAttribute"/> on their handler), and unary RPCs
    /// that a role they do not admit can call: as each such caller, an empty request must answer
    /// PERMISSION_DENIED, before any field rule or record is looked at. Checked lists every RPC mapped.
    /// </summary>
    public static async Task<Walk> RolesNotRefusedAsync(IServiceProvider services, CallInvoker invoker, IReadOnlyList<CallOptions> callers)
    {
        var failures = new List<string>();
        var walked = new List<string>();
        var unary = ContractWalk.UnaryMethods(services).ToDictionary(Paging.ListOf);
        foreach (var (path, allow) in ContractWalk.DeclaredCallers(services))
        {
            walked.Add(path);
            if (allow is null)
            {
                failures.Add($"{path} declares no callers ([Allow] on its handler)");
                continue;
            }

            if (!unary.TryGetValue(path, out var method))
            {
                continue;
            }

            foreach (var options in callers.Where(c => !allow.Admits(RoleOf(c))))
            {
                var (code, _) = await ContractWalk.CallAsync(invoker, method, ContractWalk.NewRequest(method), [options]);
                if (code != StatusCode.PermissionDenied)
                {
                    failures.Add($"{path} as {RoleOf(options)}: {code}, expected PERMISSION_DENIED (it admits {string.Join(", ", RoleFlags.Names(allow.Roles))})");
                }
            }
        }

        return new Walk(walked, failures);
    }

    /// <summary>The role claim of a caller's bearer token.</summary>
    public static string RoleOf(CallOptions options)
    {
        var token = options.Headers!.GetValue("authorization")!["Bearer ".Length..];
        var payload = System.Text.Json.JsonDocument.Parse(WebEncoders.Base64UrlDecode(token.Split('.')[1]));
        return payload.RootElement.GetProperty(PlatformClaims.Role).GetString()!;
    }

    /// <summary>A violation names the probed field, or a part of it (a Money field's "fen").</summary>
    private static bool Names(string field, string path) =>
        field == path || field.StartsWith(path + ".", StringComparison.Ordinal) || field.StartsWith(path + "[", StringComparison.Ordinal);

    /// <summary>Tokens a list never made: plain text, random bytes in base64url, and a well-formed token of another list.</summary>
    private static IEnumerable<(string Kind, string Token)> ForeignTokens(string list)
    {
        yield return ("\"zzz\"", "zzz");
        yield return ("random base64", WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24)));
        yield return ("another list's token", Paging.Token(list + "-other", "1"));
        yield return ("another list's token keyed by id", Paging.Token("/pa.other.v1.Other/ListOthers", Guid.NewGuid().ToString()));
    }
}
