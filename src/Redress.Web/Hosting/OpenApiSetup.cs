using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Redress.Web.Hosting;

internal static class OpenApiSetup
{
    public static IServiceCollection AddRedressOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer(new BearerSecurityTransformer());
            options.AddSchemaTransformer(new RequestContractTransformer());
            options.AddDocumentTransformer(new NumberTypesTransformer());
        });

    /// <summary>Describes the bearer token from <c>POST /api/auth/token</c>, so the reference page can send it.</summary>
    private sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info.Title = "Redress API";
            document.Info.Description = "Complaint resolution for digital-wallet services. Get a token from POST /api/auth/token and send it as a bearer token.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Token from POST /api/auth/token",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
            return Task.CompletedTask;
        }
    }
}
