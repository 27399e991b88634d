using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnterpriseLedger.Domain.Audit;

/// <summary>
/// An ECDSA P-256 signature with SHA-256 over an archive's canonical digest, written as r and s (64 bytes, base64),
/// with the id of the key that made it: the first 16 hex digits of the SHA-256 of the public key.
/// </summary>
public sealed record AuditSignature(string Algorithm, string KeyId, string Value)
{
    public const string Es256 = "ES256";

    public static AuditSignature Sign(ECDsa key, byte[] canonicalDigest) =>
        new(Es256, KeyIdOf(key), Convert.ToBase64String(key.SignData(canonicalDigest, HashAlgorithmName.SHA256)));

    public bool Verify(ECDsa publicKey, byte[] canonicalDigest)
    {
        try
        {
            return Algorithm == Es256
                && publicKey.VerifyData(canonicalDigest, Convert.FromBase64String(Value), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string KeyIdOf(ECDsa key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    public JsonObject ToJson() => new() { ["algorithm"] = Algorithm, ["key_id"] = KeyId, ["value"] = Value };

    public string ToCanonicalString() => CanonicalJson.SerializeToString(JsonSerializer.SerializeToElement(ToJson()));

    /// <exception cref="AuditFormatException">A member is missing or is not a string.</exception>
    public static AuditSignature Parse(JsonElement signature)
    {
        try
        {
            return new AuditSignature(
                signature.GetProperty("algorithm").GetString() ?? "",
                signature.GetProperty("key_id").GetString() ?? "",
                signature.GetProperty("value").GetString() ?? "");
        }
        catch (Exception error) when (error is KeyNotFoundException or InvalidOperationException)
        {
            throw new AuditFormatException($"The archive's signature is malformed: {error.Message}");
        }
    }
}
