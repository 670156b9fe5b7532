namespace JourneyBot.Storage.Tests;

public sealed class TableStorageOptionsValidatorTests
{
    private static string? Check(string? connectionString = null, string? uri = null, string tableName = "journeymaps")
    {
        var options = new TableStorageOptions
        {
            ConnectionString = connectionString,
            TableServiceUri = uri is null ? null : new Uri(uri, UriKind.RelativeOrAbsolute),
            TableName = tableName,
        };
        var result = new TableStorageOptionsValidator().Validate(null, options);
        return result.Succeeded ? null : result.FailureMessage;
    }

    [Fact]
    public void A_connection_string_or_an_https_endpoint_alone_is_valid()
    {
        Assert.Null(Check(connectionString: "UseDevelopmentStorage=true"));
        Assert.Null(Check(uri: "https://contoso.table.core.windows.net"));
    }

    [Fact]
    public void Neither_is_refused_naming_both_settings()
    {
        var failure = Check();

        Assert.Contains("set ConnectionStrings:Tables", failure, StringComparison.Ordinal);
        Assert.Contains("or Storage:TableServiceUri", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_are_refused()
    {
        Assert.Contains("Both ConnectionStrings:Tables and Storage:TableServiceUri are set",
            Check("UseDevelopmentStorage=true", "https://contoso.table.core.windows.net"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://contoso.table.core.windows.net")]
    [InlineData("contoso.table.core.windows.net")]
    public void An_endpoint_that_is_not_absolute_https_is_refused(string uri)
    {
        Assert.Contains("must be an absolute https address", Check(uri: uri), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1maps")]
    [InlineData("journey-maps")]
    public void A_table_name_the_service_would_refuse_is_refused(string name)
    {
        Assert.Contains("Storage:TableName must be 3 to 63 letters and digits",
            Check(connectionString: "UseDevelopmentStorage=true", tableName: name), StringComparison.Ordinal);
    }
}
