using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Redress.SharedKernel.Persistence;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

/// <summary>The data-protection key ring is encrypted at rest with the configured certificate (ADR 24).</summary>
public abstract class KeyRingTests(RedressApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stored_keys_hold_only_an_encrypted_secret_and_the_development_certificate_is_the_owners_alone()
    {
        using var client = await app.ClientForAsync(RedressRoles.Customer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me", _ct)).StatusCode);

        var stored = await StoredKeysAsync(app);

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("http://www.w3.org/2001/04/xmlenc#", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        var dataDirectory = app.Services.GetRequiredService<IOptions<DatabaseSettings>>().Value.DataDirectory;
        var certificate = Path.Combine(dataDirectory, "keys", "dataprotection.pfx");
        Assert.True(File.Exists(certificate));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificate));
        }
    }

    [Fact]
    public async Task An_instance_with_another_certificate_cannot_read_the_key_ring_and_answers_401()
    {
        app.EnsureAvailable();
        var folder = Path.Combine(Path.GetTempPath(), "redress-key-ring-tests", Guid.NewGuid().ToString("N"));
        var mine = TestCertificate.Create(folder);
        var another = TestCertificate.Create(folder);
        try
        {
            await using var first = CreateApp(mine);
            await first.InitializeAsync();
            using var client = await first.ClientForAsync(RedressRoles.Customer);
            var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test").Protect("secret");
            await using var stranger = first.WithWebHostBuilder(builder => WithCertificate(builder, another));
            await using var twin = first.WithWebHostBuilder(builder => WithCertificate(builder, mine));
            using var strangerClient = stranger.CreateClient();
            using var twinClient = twin.CreateClient();
            strangerClient.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
            twinClient.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;

            Assert.Equal(HttpStatusCode.Unauthorized, (await strangerClient.GetAsync("/api/auth/me", _ct)).StatusCode);
            var protector = stranger.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test");
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(payload));
            Assert.Equal(HttpStatusCode.OK, (await twinClient.GetAsync("/api/auth/me", _ct)).StatusCode);
            Assert.All(await StoredKeysAsync(first), xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A host of its own on a database of its own with <paramref name="certificate"/>, so that the keys it writes touch no other test.</summary>
    private protected abstract RedressApp CreateApp(TestCertificate certificate);

    internal static void WithCertificate(IWebHostBuilder builder, TestCertificate certificate)
    {
        builder.UseSetting("DataProtection:Certificate:Path", certificate.Path);
        builder.UseSetting("DataProtection:Certificate:Password", certificate.Password);
    }

    private async Task<List<string>> StoredKeysAsync(RedressApp host)
    {
        var settings = host.Services.GetRequiredService<IOptions<DatabaseSettings>>().Value;
        await using DbConnection connection = settings.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(settings.ResolveConnectionString())
            : new SqliteConnection(settings.ResolveConnectionString());
        await connection.OpenAsync(_ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Xml\" FROM \"DataProtectionKeys\"";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(_ct);
        while (await reader.ReadAsync(_ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}

public sealed class KeyRingOnSqlite(SqliteApp app) : KeyRingTests(app)
{
    private protected override RedressApp CreateApp(TestCertificate certificate) => new CertifiedSqliteApp(certificate);

    private sealed class CertifiedSqliteApp(TestCertificate certificate) : SqliteApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            WithCertificate(builder, certificate);
        }
    }
}

public sealed class KeyRingOnPostgres(PostgresApp app) : KeyRingTests(app)
{
    private protected override RedressApp CreateApp(TestCertificate certificate) => new CertifiedPostgresApp(certificate);

    private sealed class CertifiedPostgresApp(TestCertificate certificate) : PostgresApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            WithCertificate(builder, certificate);
        }
    }
}
