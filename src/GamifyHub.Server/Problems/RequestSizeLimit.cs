using Microsoft.AspNetCore.Http.Metadata;

namespace GamifyHub.Server.Problems;

/// <summary>An endpoint's own body limit, enforced by RequestGuards on every server.</summary>
public sealed class RequestSizeLimit(long? bytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => bytes;
}
