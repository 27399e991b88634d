using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace EnterpriseLedger.Domain.Tokens;

/// <summary>
/// Creates API token strings and their hashes. A token is <c>elt_</c> followed by 32 random bytes in base64url;
/// only its hash is stored. Generation is kept out of the decisions, which receive the hash as an argument.
/// </summary>
public static class TokenSecret
{
    public const string Prefix = "elt_";
    public const int RandomBytes = 32;

    private static readonly SearchValues<char> UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    // 32 bytes are 43 base64url characters without padding.
    public static int Length { get; } = Prefix.Length + Base64Url.GetEncodedLength(RandomBytes);

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>Computes the lower-case hex SHA-256 of the whole token string, prefix included.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Checks the shape only: a string of this shape can still be unknown, expired or revoked.</summary>
    public static bool HasTokenShape(string candidate) =>
        candidate.Length == Length
        && candidate.StartsWith(Prefix, StringComparison.Ordinal)
        && !candidate.AsSpan(Prefix.Length).ContainsAnyExcept(UrlAlphabet);

    public static bool IsHash(string candidate) =>
        candidate.Length == SHA256.HashSizeInBytes * 2 && candidate.All(char.IsAsciiHexDigitLower);
}
