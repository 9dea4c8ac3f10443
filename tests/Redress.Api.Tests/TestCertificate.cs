using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Redress.Api.Tests;

/// <summary>A key-ring certificate as an operator would configure it: a password-protected PKCS#12 file.</summary>
internal sealed record TestCertificate(string Path, string Password)
{
    /// <summary>Writes a new self-signed certificate with an RSA key into <paramref name="folder"/>.</summary>
    public static TestCertificate Create(string folder)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Redress test key ring {Guid.NewGuid():N}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Guid.NewGuid().ToString("N");
        var path = System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return new TestCertificate(path, password);
    }
}
