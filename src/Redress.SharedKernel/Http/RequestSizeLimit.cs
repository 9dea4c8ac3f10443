using Microsoft.AspNetCore.Http.Metadata;

namespace Redress.SharedKernel.Http;

/// <summary>Endpoint metadata that lifts the API's small default body limit for one endpoint (file uploads).</summary>
public sealed record RequestSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
