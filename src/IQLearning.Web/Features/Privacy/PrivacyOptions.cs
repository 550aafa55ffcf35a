using System.ComponentModel.DataAnnotations;

namespace IQLearning.Web.Features.Privacy;

/// <summary>How long the retention job keeps each kind of record (the periods the privacy notice promises).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Days after registration at which an account whose address was never confirmed is deleted.</summary>
    [Range(1, 3650)] public int UnconfirmedAccountDays { get; set; } = 7;

    /// <summary>Days a sent or failed mail (with its attachments) stays in the outbox and the pickup folder.</summary>
    [Range(1, 3650)] public int MailRecordDays { get; set; } = 90;

    /// <summary>Days an audit event is kept.</summary>
    [Range(1, 3650)] public int AuditEventDays { get; set; } = 365;
}
