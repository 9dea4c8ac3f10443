using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Redress.Web.Hosting;

/// <summary>
/// Describes JSON numbers, enums and request bodies as clients should send and read them, so that a client
/// generated from the document is plain to use.
/// </summary>
/// <remarks>
/// Request records are nullable in C# on purpose: a missing field must reach the handler, which names it (ADR 6).
/// The contract is what a client must send instead: the fields marked <see cref="RequiredAttribute"/> are
/// required, no field takes null (leave an optional field out), a field marked <see cref="EnumDataTypeAttribute"/>
/// takes that enum's names, and a decimal amount is a string. The binder stays lenient (numbers, JSON numbers as
/// strings, null); only the description is strict. See ADR 25.
/// </remarks>
internal sealed class RequestContractTransformer : IOpenApiSchemaTransformer
{
    /// <summary>A decimal amount as the handlers take it: digits, optionally a point and more digits; never negative.</summary>
    public const string DecimalPattern = @"^[0-9]+(\.[0-9]+)?$";

    private HashSet<Type>? _requestBodies;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var property = context.JsonPropertyInfo;
        if (property is not null && IsRequestBody(property.DeclaringType, context))
        {
            DescribeRequestField(schema, property);
            return Task.CompletedTask;
        }

        // Web defaults read numbers from strings too; that is leniency, not the contract, and replies always write numbers.
        DescribeNumber(schema, Nullable.GetUnderlyingType(type) ?? type);
        if (type.IsEnum && schema.Enum is { Count: > 0 })
        {
            // Enums travel as their names (JsonStringEnumConverter).
            schema.Type = JsonSchemaType.String;
        }

        if (property is null && context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && IsRequestBody(type, context))
        {
            DescribeRequestBody(schema, context.JsonTypeInfo);
        }

        return Task.CompletedTask;
    }

    private static void DescribeNumber(OpenApiSchema schema, Type type)
    {
        if (schema.Type is not { } kind || (kind & JsonSchemaType.String) == 0 || (kind & (JsonSchemaType.Integer | JsonSchemaType.Number)) == 0)
        {
            return;
        }

        schema.Type = kind & ~JsonSchemaType.String;
        schema.Pattern = null;
        if (type == typeof(decimal))
        {
            schema.Format = "decimal";
        }
    }

    private static void DescribeRequestField(OpenApiSchema schema, JsonPropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (schema.Type is { } kind)
        {
            schema.Type = kind & ~JsonSchemaType.Null;
        }

        if (Attribute<EnumDataTypeAttribute>(property) is { EnumType: { IsEnum: true } enumType })
        {
            DescribeEnum(schema, enumType);
            return;
        }

        if (type == typeof(decimal))
        {
            // Money is sent as a decimal string, which no client rounds through a binary floating-point number.
            schema.Type = JsonSchemaType.String;
            schema.Format = null;
            schema.Pattern = DecimalPattern;
            return;
        }

        DescribeNumber(schema, type);
    }

    private static void DescribeRequestBody(OpenApiSchema schema, JsonTypeInfo type) =>
        schema.Required = new SortedSet<string>(
            type.Properties.Where(property => Attribute<RequiredAttribute>(property) is not null).Select(property => property.Name),
            StringComparer.Ordinal);

    /// <summary>Inline, as the handlers take the names case-insensitively from a string field.</summary>
    private static void DescribeEnum(OpenApiSchema schema, Type enumType)
    {
        var target = schema.Type is { } kind && kind.HasFlag(JsonSchemaType.Array) && schema.Items is OpenApiSchema items ? items : schema;
        target.Type = JsonSchemaType.String;
        target.Enum = [.. Enum.GetNames(enumType).Select(name => (JsonNode)JsonValue.Create(name))];
    }

    private static T? Attribute<T>(JsonPropertyInfo property)
        where T : Attribute =>
        property.AttributeProvider?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault()
        ?? property.AssociatedParameter?.AttributeProvider?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();

    private bool IsRequestBody(Type type, OpenApiSchemaTransformerContext context)
    {
        _requestBodies ??= [.. context.ApplicationServices.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .SelectMany(description => description.ParameterDescriptions)
            .Where(parameter => parameter.Source == BindingSource.Body)
            .Select(parameter => parameter.Type)];
        return _requestBodies.Contains(type);
    }
}

/// <summary>
/// Numbers that the schema transformer does not reach (value types met only inside nullable wrappers) are
/// described as the numbers the serializer writes, not as "number or string".
/// </summary>
internal sealed class NumberTypesTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            Visit(schema);
        }

        return Task.CompletedTask;
    }

    private static void Visit(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return;
        }

        if (concrete.Type is { } kind && (kind & JsonSchemaType.String) != 0 && (kind & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
        {
            concrete.Type = kind & ~JsonSchemaType.String;
            concrete.Pattern = null;
        }

        foreach (var property in concrete.Properties?.Values ?? [])
        {
            Visit(property);
        }

        if (concrete.Items is { } items)
        {
            Visit(items);
        }
    }
}
