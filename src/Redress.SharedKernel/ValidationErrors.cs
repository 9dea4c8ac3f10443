namespace Redress.SharedKernel;

/// <summary>Collects field errors during validation and turns them into one <see cref="Error"/>.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    public bool Any => _fields.Count > 0;

    public void Add(string field, string message)
    {
        if (!_fields.TryGetValue(field, out var messages))
        {
            messages = [];
            _fields[field] = messages;
        }

        messages.Add(message);
    }

    public Error ToError() => Error.Invalid(_fields.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal));
}
