namespace Redress.SharedKernel;

/// <summary>What kind of expected failure an <see cref="Error"/> is; the web host maps each to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,

    /// <summary>This server cannot do it now (a missing component); the request itself was fine.</summary>
    Unavailable,
}

/// <summary>
/// An expected failure returned as a value. <see cref="Fields"/> names the request fields at fault,
/// so a client (or a form) can show each message next to its field.
/// </summary>
public sealed record Error(string Code, string Message, ErrorKind Kind, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    public static Error Unavailable(string code, string message) => new(code, message, ErrorKind.Unavailable);

    public static Error Invalid(IReadOnlyDictionary<string, string[]> fields) =>
        new("validation_failed", "One or more fields are invalid.", ErrorKind.Validation, fields);
}
