using Platform.Assistance.Data;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Exchange;

public enum RowOutcome
{
    Pending,
    Applied,
    Unchanged,
    Rejected,
}

/// <summary>One row of a department stream, with its 1-based position and what became of it.</summary>
public sealed class DepartmentRow<TRow>(int position, TRow row)
{
    public int Position { get; } = position;

    public TRow Row { get; } = row;

    public RowOutcome Outcome { get; private set; }

    /// <summary>The household whose guarantees the row may change.</summary>
    public Guid? HouseholdId { get; private set; }

    public string Field { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public void Applied(Guid householdId) => (Outcome, HouseholdId) = (RowOutcome.Applied, householdId);

    public void Unchanged() => Outcome = RowOutcome.Unchanged;

    public void Reject(string field, string reason) => (Outcome, Field, Reason) = (RowOutcome.Rejected, field, reason);
}

/// <summary>
/// What an area supplies to take its kind of record from a department: a check of each row on its
/// own, and the upsert of a chunk of checked rows by record key.
/// </summary>
public interface IDepartmentRows<TRow>
{
    DepartmentKind Kind { get; }

    /// <summary>
    /// Checks one row's fields beyond its contract's rules (checked first, by the importer); problems are
    /// named by the row's proto field names (e.g. "national_id").
    /// </summary>
    void Validate(TRow row, FieldViolations problems);

    /// <summary>
    /// Upserts the rows, unsaved, and marks each Applied (with its household), Unchanged (the record
    /// under its key already says the same) or Rejected (e.g. no member with that national ID in the
    /// caller's region — <see cref="DepartmentMembers"/> resolves them).
    /// </summary>
    Task ApplyAsync(AssistanceDbContext db, Caller caller, IReadOnlyList<DepartmentRow<TRow>> rows, CancellationToken ct);

    /// <summary>
    /// Inside the chunk's transaction, before its SaveChanges: writes the records <see cref="ApplyAsync"/>
    /// added with multi-row commands where the area can (SQLite and PostgreSQL); SaveChanges writes the rest.
    /// </summary>
    Task WriteAddedAsync(AssistanceDbContext db, CancellationToken ct) => Task.CompletedTask;
}
