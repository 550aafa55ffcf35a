using IQLearning.Web.Features.Media;

namespace IQLearning.Tests.Features.Media;

public sealed class MediaFileNameTests
{
    [Theory]
    [InlineData("../../x.png", "x.png")]
    [InlineData("..\\x.png", "x.png")]
    [InlineData("a/b.png", "b.png")]
    [InlineData("C:\\Users\\kim\\Bilder\\Foto.PNG", "Foto.png")]
    [InlineData("/etc/passwd", "passwd.png")]
    [InlineData(".htaccess", "htaccess.png")]
    [InlineData("bild\u0000\u0007\r\n.png", "bild.png")]
    [InlineData("gnp\u202E.exe", "gnp.exe.png")]
    [InlineData("Grafik  <Übersicht>  2026.png", "Grafik _Übersicht_ 2026.png")]
    [InlineData("", "media.png")]
    [InlineData("....png", "media.png")]
    [InlineData("bild", "bild.png")]
    public void Uploaded_names_become_safe_names_with_the_detected_ending(string uploaded, string expected)
    {
        Assert.Equal(expected, MediaFileName.Sanitise(uploaded, MediaType.Png));
    }

    [Fact]
    public void A_long_name_is_cut_to_100_characters_and_keeps_its_ending()
    {
        var name = MediaFileName.Sanitise(new string('ä', 300) + ".jpeg", MediaType.Jpeg);

        Assert.Equal(100, name.Length);
        Assert.EndsWith(".jpeg", name);
    }

    [Fact]
    public void An_ending_of_another_type_is_not_kept()
    {
        Assert.Equal("bericht.html.pdf", MediaFileName.Sanitise("bericht.html", MediaType.Pdf));
    }
}
