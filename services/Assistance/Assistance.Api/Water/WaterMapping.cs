using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Platform.ServiceDefaults;
using Proto = Pa.Assistance.V1;

namespace Platform.Assistance.Water;

/// <summary>Domain enums and records to messages. Proto enums carry an UNSPECIFIED zero, so each domain value is one less.</summary>
public static class WaterMapping
{
    public static Proto.WaterDimension ToProto(this WaterDimension d) => (Proto.WaterDimension)((int)d + 1);

    public static Proto.WaterProjectKind ToProto(this WaterProjectKind k) => (Proto.WaterProjectKind)((int)k + 1);

    public static Proto.WaterProjectStatus ToProto(this WaterProjectStatus s) => (Proto.WaterProjectStatus)((int)s + 1);

    /// <summary>The domain value of a proto enum, or null for UNSPECIFIED and numbers this version does not know.</summary>
    public static TDomain? FromProto<TDomain, TProto>(TProto value)
        where TDomain : struct, Enum
        where TProto : struct, Enum
    {
        var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) - 1;
        return number >= 0 && Enum.IsDefined(typeof(TDomain), number) ? (TDomain)Enum.ToObject(typeof(TDomain), number) : null;
    }

    public static Proto.WaterDimensionCheck ToMessage(this WaterCheck check)
    {
        var message = new Proto.WaterDimensionCheck { Meets = check.Meets, Note = check.Note };
        if (check.MeasuredValue is { } value)
        {
            message.MeasuredValue = value;
        }

        return message;
    }

    public static Proto.WaterAssessment ToMessage(this WaterAssessment a)
    {
        var message = new Proto.WaterAssessment
        {
            AssessmentId = a.Id.ToString(),
            HouseholdId = a.HouseholdId.ToString(),
            Quantity = a.Quantity.ToMessage(),
            Quality = a.Quality.ToMessage(),
            Convenience = a.Convenience.ToMessage(),
            Reliability = a.Reliability.ToMessage(),
            AssessedOn = a.AssessedOn.ToProto(),
            Assessor = a.Assessor,
            Source = a.Source.ToString(),
            RecordKey = a.RecordKey ?? "",
            RecordedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(a.RecordedAt, DateTimeKind.Utc)),
        };
        message.FailingDimensions.AddRange(a.FailingDimensions.Select(d => d.ToProto()));
        return message;
    }

    public static Proto.WaterProject ToMessage(this WaterProject p, int householdsServed)
    {
        var message = new Proto.WaterProject
        {
            ProjectId = p.Id.ToString(),
            Name = p.Name,
            Kind = p.Kind.ToProto(),
            VillageCode = p.VillageCode,
            Budget = new Pa.Common.V1.Money { Fen = p.BudgetFen },
            Status = p.Status.ToProto(),
            HouseholdsServed = householdsServed,
            StartedOn = p.StartedOn?.ToProto(),
            CompletedOn = p.CompletedOn?.ToProto(),
        };
        message.Fixes.AddRange(p.Fixes.Order().Select(d => d.ToProto()));
        return message;
    }
}
