using System.Text.Json;

namespace IQLearning.Web.Features.Privacy;

/// <summary>
/// Everything the site stores about one person (GDPR Art. 15 and 20): the JSON download and the readable page are
/// both rendered from this one record, so they cannot drift apart.
/// </summary>
public sealed record PersonalData(
    DateTime ExportedAt,
    ProfileData Profile,
    IReadOnlyList<string> Roles,
    IReadOnlyList<MembershipData> Memberships,
    IReadOnlyList<InvitationData> Invitations,
    IReadOnlyList<ConsentData> Consents,
    IReadOnlyList<EnrollmentData> Enrollments,
    IReadOnlyList<QuizAttemptData> QuizAttempts,
    IReadOnlyList<ScenarioRunData> ScenarioRuns,
    IReadOnlyList<SelfAssessmentData> SelfAssessments,
    IReadOnlyList<CertificateData> Certificates,
    IReadOnlyList<CertificateDeliveryData> CertificateDeliveries,
    IReadOnlyList<MailData> Mails,
    IReadOnlyList<AuditData> SecurityLog,
    IReadOnlyList<FeedbackData> AccessibilityFeedback,
    NotificationSettingsData? NotificationSettings);

/// <summary>The reminders the person turned on or off (none stored: all on).</summary>
public sealed record NotificationSettingsData(bool OptionalAssignmentReminders, bool OptionalExpiryReminders, bool ManagerDigest,
    bool OptionalEscalations, DateTime UpdatedAt);

public sealed record ProfileData(string Id, string DisplayName, string? Email, bool EmailConfirmed, string PreferredLanguage,
    DateTime CreatedAt, bool TwoFactorEnabled, DateTimeOffset? LockoutEnd);

public sealed record MembershipData(int OrganizationId, string Organization, string Role, DateTime JoinedAt);

public sealed record InvitationData(string Organization, string Role, DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt);

public sealed record ConsentData(int OrganizationId, string Organization, DateTime GivenAt, DateTime? WithdrawnAt);

public sealed record LessonProgressData(int LessonItemId, string? Lesson, DateTime FirstOpenedAt, DateTime? CompletedAt, int SecondsOnTask);

public sealed record EnrollmentData(int CourseItemId, string? Course, string Source, string Status, DateTime EnrolledAt, DateTime? DueAt,
    DateTime? LastActivityAt, DateTime? CompletedAt, IReadOnlyList<LessonProgressData> Lessons);

/// <summary>An attempt with the learner's own answers (essays included): question id → the values as entered.</summary>
public sealed record QuizAttemptData(int AssessmentItemId, string? Assessment, int Number, string Status, DateTime StartedAt,
    DateTime? SubmittedAt, decimal? Points, decimal? MaxPoints, decimal? Percent, bool? Passed, JsonElement Answers);

public sealed record ScenarioRunData(int ScenarioItemId, string? Scenario, DateTime StartedAt, DateTime? FinishedAt, JsonElement Path);

public sealed record SelfAssessmentData(string Instrument, DateTime CompletedAt, JsonElement Answers, JsonElement Profile);

/// <summary>The certificate's facts; the PDF itself is a link (<see cref="PdfUrl"/>), not bytes in the export.</summary>
public sealed record CertificateData(int Id, string Number, string HolderName, string CourseTitle, string CourseVersion, decimal Hours,
    DateTime IssuedAt, DateTime? ExpiresAt, DateTime? RevokedAt, string? RevocationReason, string VerificationUrl, string? PdfUrl);

public sealed record CertificateDeliveryData(string CertificateNumber, string RecipientKind, string? Organization, string Address,
    string? LawfulBasis, DateTime CreatedAt);

/// <summary>A mail the site sent (or tried to send) to this person's address.</summary>
public sealed record MailData(string Subject, string Status, int Attempts, DateTime CreatedAt, DateTime? SentAt);

public sealed record AuditData(DateTime At, string Action, bool ByMe, string? Subject, string? Detail, string? IpAddress);

public sealed record FeedbackData(DateTime ReceivedAt, string? Name, string? Email, string? PageUrl, string Message, DateTime? AnsweredAt, string? Answer);
