using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.HouseholdReplica;

/// <summary>The tables and columns of the common part of a replica; a service maps what it adds after these.</summary>
public static class ReplicaModel
{
    /// <summary>The "Households" table: the registry's id as key, region, status and the members.</summary>
    public static EntityTypeBuilder<THousehold> MapReplicaHousehold<THousehold, TMember>(this EntityTypeBuilder<THousehold> e)
        where THousehold : ReplicaHousehold<TMember>
        where TMember : ReplicaMember
    {
        e.ToTable("Households");
        e.HasKey(h => h.Id);
        e.Property(h => h.Id).ValueGeneratedNever();
        e.Property(h => h.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        e.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId);
        e.HasIndex(h => h.RegionCode);
        return e;
    }

    /// <summary>The members' table (<paramref name="table"/>): the registry's id as key and the labour capacity by name.</summary>
    public static EntityTypeBuilder<TMember> MapReplicaMember<TMember>(this EntityTypeBuilder<TMember> e, string table)
        where TMember : ReplicaMember
    {
        e.ToTable(table);
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        e.Property(m => m.LabourCapacity).HasConversion<string>().HasMaxLength(16);
        e.Ignore(m => m.HasLabour);
        return e;
    }
}
