using Microsoft.AspNetCore.Http;
using Tilskudd.Domain.Applications;

namespace Tilskudd.Api.Applications;

/// <summary>A file part of the submitted form, with what its bytes say it is and their hash.</summary>
public sealed record ReceivedFile(AttachmentKind Kind, string FileName, FileType DetectedType, long Length, string Sha256, IFormFile Part)
{
    public AttachmentDescriptor Descriptor => new(Kind, FileName, Length, DetectedType);
}
