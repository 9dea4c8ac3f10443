using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;

namespace Redress.Access;

/// <summary>The <c>DataProtection:Certificate</c> configuration section: a PKCS#12 file with an RSA private key.</summary>
public sealed class KeyRingCertificateSettings
{
    public const string SectionName = "DataProtection:Certificate";

    /// <summary>The <c>.pfx</c> file; relative paths resolve against the working directory.</summary>
    public string? Path { get; set; }

    public string? Password { get; set; }
}

/// <summary>
/// The certificate that encrypts the data-protection key ring at rest (ADR 24). Configured outside Development; in
/// Development without one, a self-signed certificate is made once in <c>{data}/keys/dataprotection.pfx</c> (owner
/// read/write only) and reused by every instance on that data folder. Loaded while the host is composed, because
/// data protection takes the certificate itself, so a host without a usable one never starts.
/// </summary>
internal static class KeyRingCertificate
{
    public const string DevelopmentFileName = "dataprotection.pfx";

    public static X509Certificate2 Load(KeyRingCertificateSettings settings, string dataDirectory, IHostEnvironment environment, TimeProvider time)
    {
        if (IsWritingOpenApiDocument)
        {
            return SelfSigned(time);
        }

        if (!string.IsNullOrWhiteSpace(settings.Path))
        {
            return Open(System.IO.Path.GetFullPath(settings.Path), settings.Password, configured: true);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{KeyRingCertificateSettings.SectionName}:Path is not set. Outside Development the data-protection key ring must be encrypted " +
                $"with a configured certificate: set {KeyRingCertificateSettings.SectionName}:Path to a PKCS#12 (.pfx) file with an RSA private key " +
                $"and {KeyRingCertificateSettings.SectionName}:Password to its password. This is '{environment.EnvironmentName}'.");
        }

        var folder = System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDirectory), "keys");
        var path = System.IO.Path.Combine(folder, DevelopmentFileName);
        if (!File.Exists(path))
        {
            Create(folder, path, time);
        }

        return Open(path, password: null, configured: false);
    }

    private static X509Certificate2 Open(string path, string? password, bool configured)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{KeyRingCertificateSettings.SectionName}:Path names '{path}', which does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException(
                configured
                    ? $"The certificate at {KeyRingCertificateSettings.SectionName}:Path ('{path}') could not be opened; check {KeyRingCertificateSettings.SectionName}:Password."
                    : $"The development key-ring certificate '{path}' could not be opened; delete it to have a new one made (signed-in users sign in again).",
                exception);
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"The certificate at '{path}' has no RSA private key; the key ring needs one to encrypt and decrypt its keys.");
        }

        return certificate;
    }

    /// <summary>
    /// The build composes the host, without running it, to write the OpenAPI document (ADR 25). Nothing is stored or
    /// read then, so a throwaway certificate serves, and the build needs neither a configured one nor a data folder.
    /// </summary>
    private static bool IsWritingOpenApiDocument => Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    private static X509Certificate2 SelfSigned(TimeProvider time)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Redress key ring (development)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        var now = time.GetUtcNow();
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }

    private static void Create(string folder, string path, TimeProvider time)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var certificate = SelfSigned(time);
        var bytes = certificate.Export(X509ContentType.Pkcs12);

        // Written aside and moved into place without overwriting: of two instances starting at once, one file wins and both use it.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(bytes);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
