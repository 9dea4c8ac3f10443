using System.Diagnostics.CodeAnalysis;

namespace Redress.SharedKernel;

/// <summary>Either a value or an <see cref="Error"/>; handlers return this instead of throwing for expected failures.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Error = null;
    }

    private Result(Error error)
    {
        _value = default;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result holds error '{Error.Code}', not a value.");

#pragma warning disable CA2225 // Implicit conversions are the point: handlers `return value;` or `return error;`.
    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);
#pragma warning restore CA2225
}
