using IQLearning.Tests.Support;
using Microsoft.Extensions.Options;

namespace IQLearning.Tests.Features.Media;

[Collection(SiteCollection.Name)]
public sealed class MediaOptionsTests
{
    [Theory]
    [InlineData("Media:MaxUploadBytes", "0")]
    [InlineData("Media:MaxVideoBytes", "-1")]
    public void The_site_does_not_start_with_a_limit_that_is_not_positive(string key, string value)
    {
        using var site = new SiteFactory(startSmtp: false, useSmtp: false).WithSetting(key, value);

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains(key.Split(':')[1], validation.Message);
    }
}
