using System.Globalization;
using IQLearning.Web.Features.Certificates.Issuing;

namespace IQLearning.Web.Features.Certificates.Web;

/// <summary>Dates on the certificate pages as the certificate prints them: the German calendar day, spelled in the page's language.</summary>
public static class CertificateDisplay
{
    public static string Date(DateTime utc)
    {
        var culture = CultureInfo.CurrentCulture;
        var format = culture.TwoLetterISOLanguageName == "de" ? "d. MMMM yyyy" : "d MMMM yyyy";
        return GermanTime.Of(utc).ToString(format, culture);
    }

    /// <summary>The machine-readable form for the <c>datetime</c> attribute of <c>&lt;time&gt;</c>.</summary>
    public static string IsoDate(DateTime utc) => GermanTime.Of(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
