using Tilskudd.Domain.Applications;

namespace Tilskudd.Infrastructure.Applications;

/// <summary>The application as received: the form, the files, when. Written once, never changed.</summary>
/// <param name="SubmittedBy">The sender's sign-in id ("sub"): a private person sees only the applications they sent.</param>
public sealed record StoredApplication(
    string Reference,
    string RoundId,
    DateTimeOffset SubmittedAt,
    ApplicationForm Form,
    IReadOnlyList<StoredAttachment> Attachments,
    string? SubmittedBy = null);

/// <param name="BlobName">Generated name in the attachments container; the applicant's file name is never a path.</param>
/// <param name="FileName">The applicant's file name, cleaned, for display.</param>
/// <param name="Sha256">Hex SHA-256 of the bytes as received.</param>
public sealed record StoredAttachment(
    AttachmentKind Kind,
    string FileName,
    string BlobName,
    string ContentType,
    long Length,
    string Sha256);

/// <summary>One application in a list of them: enough to find it and say what it is.</summary>
public sealed record ApplicationListing(string Reference, string RoundId, string? OrganisationNumber, long AmountAppliedFor, DateTimeOffset? SubmittedAt);
