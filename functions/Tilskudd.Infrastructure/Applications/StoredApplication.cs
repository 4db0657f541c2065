using Tilskudd.Domain.Applications;

namespace Tilskudd.Infrastructure.Applications;

/// <summary>The application as received: the form, the files, when. Written once, never changed.</summary>
public sealed record StoredApplication(
    string Reference,
    string RoundId,
    DateTimeOffset SubmittedAt,
    ApplicationForm Form,
    IReadOnlyList<StoredAttachment> Attachments);

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
