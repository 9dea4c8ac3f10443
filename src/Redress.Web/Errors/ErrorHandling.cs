using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace Redress.Web.Errors;

internal static class ErrorHandling
{
    public static IServiceCollection AddRedressErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            // Minimal APIs answer a wrong content type with a bare 415; say what to send instead.
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && context.ProblemDetails.Detail is null)
            {
                context.ProblemDetails.Detail = "Send the body as application/json.";
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["body"] = ["Send the body as application/json."] };
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        // Binding failures must reach the handler above as exceptions, in every environment, to become problem details.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // A misspelt field is an error the client should hear about, not a value silently dropped.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        return services;
    }
}

/// <summary>
/// Turns request-binding failures (malformed JSON, a wrong type in a field, a wrong content type, an oversized body)
/// into problem details that name the field at fault, instead of an empty 400 or a 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (field, message) = Describe(badRequest);
        LogBadRequest(logger, httpContext.Request.Path, badRequest.StatusCode, field);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported content type.",
                _ => "The request is invalid.",
            },
            Detail = message,
            Type = "https://redress.dev/problems/bad-request",
        };
        problem.Extensions["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            return (FieldFromPath(json.Path), json.Path is null or "$"
                ? "The body is not valid JSON."
                : $"The value of '{FieldFromPath(json.Path)}' is malformed or of the wrong type.");
        }

        return exception.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => ("body", "Send the body as application/json."),
            StatusCodes.Status413PayloadTooLarge => ("body", "The request body is larger than this endpoint accepts."),
            _ => (ParameterName(exception.Message) ?? "body", ParameterName(exception.Message) is { } name
                ? $"The value of '{name}' is missing or malformed."
                : "The request is invalid."),
        };
    }

    // "$.amount" → "amount"; "$.items[2].name" → "items[2].name"; "$" → "body".
    private static string FieldFromPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    // Minimal APIs report binding failures as: Failed to bind parameter "int? limit" from "abc".
    private static string? ParameterName(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (end <= start)
        {
            return null;
        }

        var declaration = message[(start + 1)..end];
        var space = declaration.LastIndexOf(' ');
        return space >= 0 ? declaration[(space + 1)..] : declaration;
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Rejected request to {Path} with {StatusCode}: field {Field}")]
    private static partial void LogBadRequest(ILogger logger, PathString path, int statusCode, string field);
}
