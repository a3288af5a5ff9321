using System.Text.Json;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>Members join, leave and change; the household, its flags, its statistics and its event follow.</summary>
public sealed class MemberChangeTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task A_birth_a_death_and_a_changed_fact_are_recorded_and_published()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        var spouse = household.Members[1];
        var child = household.Members[2];
        var baby = Applications.Member("王小红", Relationship.Child, male: false, labour: LabourCapacity.None, schooling: SchoolingStatus.NotOfSchoolAge);
        var request = new ChangeMembersRequest
        {
            HouseholdId = household.HouseholdId,
            Add = { baby },
            Remove = { new MemberRemoval { MemberId = spouse.MemberId, Reason = MemberRemovalReason.Death, Note = "2026年病故" } },
            Update = { new MemberFactsUpdate { MemberId = child.MemberId, Health = HealthStatus.SeriousIllness, LabourCapacity = LabourCapacity.None, Schooling = SchoolingStatus.DroppedOut } },
        };

        var changed = (await registry.Households.ChangeMembersAsync(request, registry.As(PlatformRoles.VillageOfficer, Seeded.Qilipeng))).Household;

        Assert.Equal(["王建国", "王小明", "王小红"], changed.Members.Select(m => m.Name));
        var updated = changed.Members.Single(m => m.MemberId == child.MemberId);
        Assert.Equal((HealthStatus.SeriousIllness, 0, SchoolingStatus.DroppedOut), (updated.Health, updated.DisabilityGrade, updated.Schooling));
        Assert.Contains(Priority.SeriousIllness, changed.Priorities);
        Assert.DoesNotContain(Priority.StudentInSchool, changed.Priorities);

        var removed = await registry.QueryAsync(db => db.Members.SingleAsync(m => m.Id == Guid.Parse(spouse.MemberId)));
        Assert.Equal((false, MemberRemovalReason.Death, "2026年病故"), (removed.IsActive, removed.RemovalReason, removed.RemovalNote));
        var body = await registry.QueryAsync(db => db.OutboxMessages
            .Where(m => m.AggregateKey == household.HouseholdId && m.MessageType.StartsWith(typeof(HouseholdMembersChanged).FullName + ","))
            .Select(m => m.Body).SingleAsync());
        var published = JsonSerializer.Deserialize<HouseholdMembersChanged>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(3, published.Members.Count);
        Assert.DoesNotContain(published.Members, m => m.MemberId == Guid.Parse(spouse.MemberId));
        Assert.DoesNotContain(baby.NationalId, body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await registry.QueryAsync(db => db.AuditRecords.CountAsync(a => a.Action == "household.members_changed" && a.EntityId == household.HouseholdId)));
    }

    [Fact]
    public async Task The_people_a_region_counts_follow_member_changes()
    {
        await using var own = new RegistryFactory();
        var household = await own.ApplyAsync(Applications.Household(Seeded.Hekou));
        var before = await AppliedPeopleAsync(own);

        await own.Households.ChangeMembersAsync(new ChangeMembersRequest
        {
            HouseholdId = household.HouseholdId,
            Remove = { new MemberRemoval { MemberId = household.Members[1].MemberId, Reason = MemberRemovalReason.MarriageOut } },
        }, own.CountyOfficer(Seeded.Huoqiu));

        Assert.Equal(before - 1, await AppliedPeopleAsync(own));
    }

    [Fact]
    public async Task Bad_changes_name_their_fields_and_change_nothing()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        var head = household.Members[0];
        var request = new ChangeMembersRequest
        {
            HouseholdId = household.HouseholdId,
            Add = { Applications.Member("第二户主", Relationship.Head, male: true) },
            Remove =
            {
                new MemberRemoval { MemberId = head.MemberId, Reason = MemberRemovalReason.MovedOut },
                new MemberRemoval { MemberId = Guid.NewGuid().ToString(), Reason = MemberRemovalReason.Unspecified },
            },
            Update = { new MemberFactsUpdate { MemberId = household.Members[1].MemberId, Health = HealthStatus.Disability, LabourCapacity = LabourCapacity.Weak, Schooling = SchoolingStatus.Completed } },
        };

        // The contract's field rules answer first (the request never reaches the handler); once they
        // hold, the handler names every rule that needs the household: two answers, each complete.
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Households.ChangeMembersAsync(request, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal(["remove[1].reason"], RpcAssert.InvalidFields(error));

        request.Remove[1].Reason = MemberRemovalReason.Death;
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Households.ChangeMembersAsync(request, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal(["remove[0].member_id", "remove[1].member_id", "update[0].disability_grade", "add[0].relationship"], RpcAssert.InvalidFields(error));
        var stored = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal(household.Members.Select(m => (m.MemberId, m.Health)), stored.Household.Members.Select(m => (m.MemberId, m.Health)));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Households.ChangeMembersAsync(new ChangeMembersRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu)));
    }

    [Fact]
    public async Task Roles_scope_and_state_are_enforced()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        var request = new ChangeMembersRequest
        {
            HouseholdId = household.HouseholdId,
            Remove = { new MemberRemoval { MemberId = household.Members[2].MemberId, Reason = MemberRemovalReason.MovedOut } },
        };

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Households.ChangeMembersAsync(request, registry.As(PlatformRoles.Auditor, Seeded.Huoqiu)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Households.ChangeMembersAsync(request, registry.CountyOfficer(Seeded.Weishan)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Households.ChangeMembersAsync(
            new ChangeMembersRequest { HouseholdId = Guid.NewGuid().ToString(), Remove = { request.Remove } }, registry.CountyOfficer(Seeded.Huoqiu)));

        var taken = Applications.Member("另一户成员", Relationship.Child, male: true);
        var other = Applications.Household(Seeded.Qilipeng);
        other.Members.Add(taken);
        await registry.ApplyAsync(other);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, registry.Households.ChangeMembersAsync(
            new ChangeMembersRequest { HouseholdId = household.HouseholdId, Add = { taken } }, registry.CountyOfficer(Seeded.Huoqiu)));

        await registry.QueryAsync(db => db.Households.Where(h => h.Id == Guid.Parse(household.HouseholdId))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HouseholdStatus.Rejected)));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, registry.Households.ChangeMembersAsync(request, registry.CountyOfficer(Seeded.Huoqiu)));
    }

    /// <summary>People the maintained tallies count in Hekou village, all statuses together.</summary>
    private static Task<int> AppliedPeopleAsync(RegistryFactory factory) =>
        factory.QueryAsync(db => db.RegionTallies.Where(t => t.VillageCode == Seeded.Hekou).SumAsync(t => t.People));

    [Theory]
    [InlineData(HouseholdStatus.Rejected, false)]
    [InlineData(HouseholdStatus.Applied, true)]
    [InlineData(HouseholdStatus.Registered, true)]
    [InlineData(HouseholdStatus.Exited, true)]
    [InlineData(HouseholdStatus.Monitored, true)]
    public void Only_a_rejected_file_is_closed_to_member_changes(HouseholdStatus status, bool open) =>
        Assert.Equal(open, Households.MemberChangeRules.WhyClosed(status) is null);
}
