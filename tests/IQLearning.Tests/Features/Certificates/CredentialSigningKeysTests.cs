using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IQLearning.Web.Features.Certificates;

namespace IQLearning.Tests.Features.Certificates;

public class CredentialSigningKeysTests
{
    private static readonly CredentialSigningKeys Keys = CredentialExamples.Keys;

    [Fact]
    public void New_set_has_an_rsa_3072_and_a_p256_key_with_distinct_kids()
    {
        var jwks = PublishedKeys();

        var rsa = Assert.Single(jwks, k => k["kty"]!.GetValue<string>() == "RSA");
        Assert.Equal("RS256", rsa["alg"]!.GetValue<string>());
        Assert.Equal(3072 / 8, Base64Url.DecodeFromChars(rsa["n"]!.GetValue<string>()).Length);
        var ec = Assert.Single(jwks, k => k["kty"]!.GetValue<string>() == "EC");
        Assert.Equal("ES256", ec["alg"]!.GetValue<string>());
        Assert.Equal("P-256", ec["crv"]!.GetValue<string>());
        Assert.NotEqual(rsa["kid"]!.GetValue<string>(), ec["kid"]!.GetValue<string>());
    }

    [Fact]
    public void Published_jwks_holds_no_private_key_member()
    {
        var members = PublishedKeys().SelectMany(k => k.Select(m => m.Key)).ToHashSet();

        Assert.Empty(members.Intersect(["d", "p", "q", "dp", "dq", "qi", "oth", "k"]));
    }

    [Fact]
    public void Kid_is_the_rfc_7638_thumbprint_of_the_published_key()
    {
        foreach (var jwk in PublishedKeys())
        {
            // RFC 7638 §3: the required members in lexicographic order, no white space, SHA-256, base64url.
            var required = jwk["kty"]!.GetValue<string>() == "RSA" ? new[] { "e", "kty", "n" } : ["crv", "kty", "x", "y"];
            var canonical = "{" + string.Join(",", required.Select(m => $"\"{m}\":\"{jwk[m]!.GetValue<string>()}\"")) + "}";

            Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), jwk["kid"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Export_and_import_keep_the_keys_and_their_kids()
    {
        using var imported = CredentialSigningKeys.Import(Keys.Export());

        Assert.Equal(Keys.All.Select(k => (k.KeyId, k.Algorithm)), imported.All.Select(k => (k.KeyId, k.Algorithm)));
        Assert.Equal(Keys.PublishJwks(), imported.PublishJwks());
    }

    [Fact]
    public void Import_of_a_blob_whose_key_does_not_match_its_kid_fails()
    {
        var blob = JsonNode.Parse(Keys.Export())!;
        blob["Keys"]![0]!["Kid"] = Keys.All[1].KeyId;

        Assert.ThrowsAny<CryptographicException>(() => CredentialSigningKeys.Import(Encoding.UTF8.GetBytes(blob.ToJsonString())));
    }

    [Fact]
    public void Import_of_a_blob_of_another_version_fails()
    {
        var blob = JsonNode.Parse(Keys.Export())!;
        blob["Version"] = 99;

        Assert.ThrowsAny<CryptographicException>(() => CredentialSigningKeys.Import(Encoding.UTF8.GetBytes(blob.ToJsonString())));
    }

    [Fact]
    public void Rotated_set_signs_with_new_keys_and_still_knows_the_old_ones()
    {
        using var rotated = Keys.WithNewKeys();

        Assert.Equal(4, rotated.All.Count);
        Assert.NotEqual(Keys.SigningKey(SigningAlgorithm.RS256).KeyId, rotated.SigningKey(SigningAlgorithm.RS256).KeyId);
        Assert.NotEqual(Keys.SigningKey(SigningAlgorithm.ES256).KeyId, rotated.SigningKey(SigningAlgorithm.ES256).KeyId);
        Assert.All(Keys.All, old => Assert.NotNull(rotated.Find(old.KeyId)));
    }

    private static List<JsonObject> PublishedKeys() =>
        JsonNode.Parse(Keys.PublishJwks())!["keys"]!.AsArray().Select(k => k!.AsObject()).ToList();
}
