using IQLearning.Web.Features.Certificates;

namespace IQLearning.Tests.Features.Certificates;

public class CertificateSnapshotTests
{
    private static readonly DateTimeOffset Issued = new(2025, 1, 15, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Snapshot_without_holder_name_is_refused() =>
        Assert.Throws<ArgumentException>(() => Snapshot(holder: " "));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Snapshot_without_positive_hours_is_refused(int hours) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Snapshot(hours: hours));

    [Fact]
    public void Expiry_before_the_issue_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Snapshot(validUntil: Issued.AddDays(-1)));

    [Fact]
    public void Relative_verification_url_is_refused() =>
        Assert.Throws<ArgumentException>(() => Snapshot(url: new Uri("/verify/x", UriKind.Relative)));

    [Fact]
    public void Default_number_is_refused() =>
        Assert.Throws<ArgumentException>(() => Snapshot(number: default(CertificateNumber)));

    [Fact]
    public void Complete_snapshot_keeps_its_values()
    {
        var number = CertificateNumber.New(2025);

        var snapshot = Snapshot(number: number, validUntil: Issued.AddYears(2));

        Assert.Equal(number, snapshot.Number);
        Assert.Equal(Issued.AddYears(2), snapshot.ValidUntil);
    }

    private static CertificateSnapshot Snapshot(
        string holder = "Aylin Demir", decimal hours = 4, DateTimeOffset? validUntil = null,
        Uri? url = null, CertificateNumber? number = null) =>
        new(holder, "Kurs", "1", hours, [], "Fachstelle", Issued, validUntil,
            number ?? CertificateNumber.New(2025), url ?? new Uri("https://iqlearning.example/verify/x"), CertificateLanguage.De);
}
