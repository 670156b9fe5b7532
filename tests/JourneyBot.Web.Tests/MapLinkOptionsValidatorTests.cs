using JourneyBot.Conversation.Exports;
using JourneyBot.Web.Maps;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace JourneyBot.Web.Tests;

/// <summary>Link settings that would leak links or break them silently are refused at start-up.</summary>
public sealed class MapLinkOptionsValidatorTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    [Theory]
    [InlineData("Production", "https://journeybot.example", true)]
    [InlineData("Production", "http://journeybot.example", false)]
    [InlineData("Staging", "http://journeybot.example", false)]
    [InlineData("Production", "http://127.0.0.1:3978", true)]
    [InlineData("Production", "journeybot.example", false)]
    [InlineData("Development", "http://journeybot.example", true)]
    [InlineData("Development", "ftp://journeybot.example", false)]
    [InlineData("Production", "", true)]
    public void The_base_address_is_https_outside_development(string environment, string baseUrl, bool valid)
    {
        var result = Validate(environment, new MapLinkOptions { BaseUrl = baseUrl, SigningKeys = [Key] });

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void At_most_the_current_and_the_previous_key_and_each_usable()
    {
        Assert.True(Validate("Production", new MapLinkOptions { BaseUrl = "https://b.example", SigningKeys = [Key, Key] }).Succeeded);
        Assert.False(Validate("Production", new MapLinkOptions { BaseUrl = "https://b.example", SigningKeys = [Key, Key, Key] }).Succeeded);
        Assert.False(Validate("Production", new MapLinkOptions { BaseUrl = "https://b.example", SigningKeys = [Key, "c2hvcnQ="] }).Succeeded);
        Assert.False(Validate("Production", new MapLinkOptions { BaseUrl = "https://b.example", SigningKey = "not base64!" }).Succeeded);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string environment, MapLinkOptions options) =>
        new MapLinkOptionsValidator(new Environment(environment)).Validate(null, options);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "JourneyBot.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
