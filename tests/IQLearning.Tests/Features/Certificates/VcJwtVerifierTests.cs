using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using IQLearning.Web.Features.Certificates;

namespace IQLearning.Tests.Features.Certificates;

public class VcJwtVerifierTests
{
    private static readonly CertificateSnapshot Certificate = CertificateExamples.German();
    private static readonly DateTimeOffset DuringValidity = Certificate.IssuedAt.AddDays(30);
    private readonly VcJwtSigner _signer = new(CredentialExamples.Keys);

    [Theory]
    [InlineData(SigningAlgorithm.RS256)]
    [InlineData(SigningAlgorithm.ES256)]
    public async Task Token_we_signed_is_valid_and_gives_back_the_credential(SigningAlgorithm algorithm)
    {
        var credential = CredentialExamples.Credential(Certificate);

        var result = await Verify(_signer.Sign(credential, algorithm), DuringValidity);

        Assert.Equal(VcJwtStatus.Valid, result.Status);
        Assert.True(JsonNode.DeepEquals(credential, result.Credential));
    }

    [Theory]
    [InlineData(SigningAlgorithm.RS256)]
    [InlineData(SigningAlgorithm.ES256)]
    public async Task Changed_payload_is_invalid_and_shows_nothing(SigningAlgorithm algorithm)
    {
        var forged = VcJwtForgery.WithChangedHolderName(Sign(algorithm));

        var result = await Verify(forged, DuringValidity);

        Assert.Equal(VcJwtStatus.Invalid, result.Status);
        Assert.Null(result.Credential);
    }

    [Theory]
    [InlineData(SigningAlgorithm.RS256)]
    [InlineData(SigningAlgorithm.ES256)]
    public async Task Changed_signature_is_invalid(SigningAlgorithm algorithm) =>
        Assert.Equal(VcJwtStatus.Invalid, (await Verify(VcJwtForgery.WithFlippedSignatureBit(Sign(algorithm)), DuringValidity)).Status);

    [Fact]
    public async Task Token_signed_by_a_key_we_do_not_have_is_invalid()
    {
        using var strangers = CredentialSigningKeys.CreateNew();
        var token = new VcJwtSigner(strangers).Sign(CredentialExamples.Credential(Certificate), SigningAlgorithm.ES256);

        var result = await Verify(token, DuringValidity);

        Assert.Equal(VcJwtStatus.Invalid, result.Status);
        Assert.Contains("kid", result.Reason);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    [InlineData("ES256")] // the RSA key's kid with another algorithm
    public async Task Header_asking_for_another_algorithm_than_the_key_has_is_invalid(string alg)
    {
        var parts = Sign(SigningAlgorithm.RS256).Split('.');
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        header["alg"] = alg;

        var result = await Verify($"{Encode(header)}.{parts[1]}.{parts[2]}", DuringValidity);

        Assert.Equal(VcJwtStatus.Invalid, result.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!!.???.***")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln")]
    public async Task Garbage_is_invalid(string token) =>
        Assert.Equal(VcJwtStatus.Invalid, (await Verify(token, DuringValidity)).Status);

    [Theory]
    [InlineData("iss", "https://evil.example/issuer")]
    [InlineData("jti", "https://evil.example/credential")]
    [InlineData("sub", "did:example:someone-else")]
    public async Task Signed_claims_that_contradict_the_credential_are_invalid(string claim, string value)
    {
        var result = await Verify(SignWithChangedClaim(claim, value), DuringValidity);

        Assert.Equal(VcJwtStatus.Invalid, result.Status);
        Assert.Contains(claim, result.Reason);
    }

    [Fact]
    public async Task Signed_exp_later_than_the_credential_is_invalid()
    {
        var token = SignWithChangedClaim("exp", Certificate.ValidUntil!.Value.AddYears(10).ToUnixTimeSeconds());

        Assert.Equal(VcJwtStatus.Invalid, (await Verify(token, DuringValidity)).Status);
    }

    [Fact]
    public async Task Token_after_its_expiry_is_expired_and_one_second_before_is_valid()
    {
        var token = Sign(SigningAlgorithm.RS256);
        var expiry = DateTimeOffset.FromUnixTimeSeconds(Certificate.ValidUntil!.Value.ToUnixTimeSeconds());

        Assert.Equal(VcJwtStatus.Valid, (await Verify(token, expiry.AddSeconds(-1))).Status);
        Assert.Equal(VcJwtStatus.Expired, (await Verify(token, expiry)).Status);
        var later = await Verify(token, expiry.AddYears(1));
        Assert.Equal(VcJwtStatus.Expired, later.Status);
        Assert.NotNull(later.Credential);
    }

    [Fact]
    public async Task Token_before_its_validFrom_is_not_yet_valid()
    {
        var token = Sign(SigningAlgorithm.ES256);

        var result = await Verify(token, Certificate.IssuedAt.AddSeconds(-1));

        Assert.Equal(VcJwtStatus.NotYetValid, result.Status);
    }

    [Fact]
    public async Task Revoked_credential_is_revoked_and_the_callback_is_asked_with_its_id()
    {
        var asked = new List<string>();
        var verifier = new VcJwtVerifier(CredentialExamples.Keys, new FixedClock(DuringValidity));

        var result = await verifier.VerifyAsync(Sign(SigningAlgorithm.RS256), (id, _) => { asked.Add(id); return ValueTask.FromResult(true); });

        Assert.Equal(VcJwtStatus.Revoked, result.Status);
        Assert.Equal([Certificate.VerificationUrl.AbsoluteUri], asked);
    }

    [Fact]
    public async Task Forged_token_is_invalid_before_the_revocation_list_is_asked()
    {
        var asked = false;
        var verifier = new VcJwtVerifier(CredentialExamples.Keys, new FixedClock(DuringValidity));

        await verifier.VerifyAsync(VcJwtForgery.WithChangedHolderName(Sign(SigningAlgorithm.RS256)), (_, _) => { asked = true; return ValueTask.FromResult(false); });

        Assert.False(asked);
    }

    [Fact]
    public async Task Token_signed_before_a_key_rotation_still_verifies_with_the_rotated_set()
    {
        var token = Sign(SigningAlgorithm.RS256);
        using var rotated = CredentialExamples.Keys.WithNewKeys();

        var result = await new VcJwtVerifier(rotated, new FixedClock(DuringValidity)).VerifyAsync(token, NotRevoked);

        Assert.Equal(VcJwtStatus.Valid, result.Status);
    }

    private string Sign(SigningAlgorithm algorithm) => _signer.Sign(CredentialExamples.Credential(Certificate), algorithm);

    // A correctly signed token whose claim says something else than the credential inside it.
    private string SignWithChangedClaim(string claim, JsonNode value)
    {
        var parts = Sign(SigningAlgorithm.RS256).Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload[claim] = value;
        var input = $"{parts[0]}.{Encode(payload)}";
        var signature = CredentialExamples.Keys.SigningKey(SigningAlgorithm.RS256).Sign(Encoding.ASCII.GetBytes(input));
        return $"{input}.{Base64Url.EncodeToString(signature)}";
    }

    private static Task<VcJwtVerification> Verify(string token, DateTimeOffset now) =>
        new VcJwtVerifier(CredentialExamples.Keys, new FixedClock(now)).VerifyAsync(token, NotRevoked).AsTask();

    private static ValueTask<bool> NotRevoked(string id, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    private static string Encode(JsonNode json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
