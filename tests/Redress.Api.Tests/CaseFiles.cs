using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Redress.Api.Tests;

/// <summary>Helpers for case tests: filing, posting actions that must succeed, and small valid files.</summary>
internal static class CaseFiles
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];

    public static readonly byte[] Pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static async Task<string> FileAsync(HttpClient customer, CancellationToken cancellationToken, string? transactionReference = "TX-CASE-1")
    {
        var response = await customer.PostAsJsonAsync(
            "/api/complaints",
            new
            {
                category = "TransactionFailure",
                description = "转账显示失败，但钱包余额已经扣除了 120.50 元。",
                occurredAt = DateTimeOffset.UtcNow.AddDays(-2),
                transactionReference,
                amount = 120.50m,
                currency = "CNY",
                desiredOutcome = "请退回 120.50 元",
            },
            cancellationToken);
        return (await OkJsonAsync(response, cancellationToken)).GetProperty("number").GetString()!;
    }

    public static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object? body, CancellationToken cancellationToken)
    {
        var response = body is null ? await client.PostAsync(path, null, cancellationToken) : await client.PostAsJsonAsync(path, body, cancellationToken);
        return await OkJsonAsync(response, cancellationToken);
    }

    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static MultipartFormDataContent Form(string body, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(body), "body" } };
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            // The claimed type is deliberately generic: the server must judge the bytes.
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return form;
    }
}
