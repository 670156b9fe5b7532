using Azure.Data.Tables;
using JourneyBot.Conversation.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JourneyBot.Storage.Tests;

public sealed class AddTableDueWorkStoreTests
{
    private readonly CancellationToken _cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Starting_the_host_creates_the_due_work_table_named_after_the_maps_table()
    {
        // Arrange
        var settings = await StorageHost.AzuriteSettingsAsync();
        using var host = StorageHost.Build(settings, s => s.AddTableDueWorkStore());
        var expected = settings["Storage:TableName"] + "due";
        var service = host.Services.GetRequiredService<TableServiceClient>();

        // Act
        await host.StartAsync(_cancel);

        // Assert
        Assert.Single(service.QueryAsync(t => t.Name == expected, cancellationToken: _cancel).ToBlockingEnumerable(_cancel));
        var store = host.Services.GetRequiredService<IDueWorkStore>();
        var now = DateTimeOffset.UtcNow;
        await store.ScheduleAsync(new DueWork("w1", "test", now, "{}"), _cancel);
        Assert.Single(await store.ClaimDueAsync(now, "a", TimeSpan.FromMinutes(1), 10, _cancel));
        await service.DeleteTableAsync(expected, _cancel);
        await host.StopAsync(_cancel);
    }

    [Theory]
    [InlineData("Schedule:TableName", "journeymaps", "must differ from Storage:TableName")]
    [InlineData("Schedule:TableName", "9due", "Schedule:TableName must be 3 to 63 letters and digits")]
    [InlineData("Schedule:LookBack", "00:00:00", "Schedule:LookBack must be between")]
    [InlineData("Schedule:RescanInterval", "-00:01:00", "Schedule:RescanInterval must be positive")]
    public async Task Settings_that_cannot_work_stop_the_start_with_the_setting_named(string key, string value, string message)
    {
        using var host = StorageHost.Build(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = "UseDevelopmentStorage=true",
            ["Storage:TableName"] = "journeymaps",
            [key] = value,
        }, s => s.AddTableDueWorkStore());

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(_cancel));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_maps_table_name_too_long_to_take_the_suffix_asks_for_a_schedule_table_name()
    {
        using var host = StorageHost.Build(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = "UseDevelopmentStorage=true",
            ["Storage:TableName"] = "m" + new string('x', 62),
        }, s => s.AddTableDueWorkStore());

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<DueWorkTableOptions>>().Value);

        Assert.Contains("Schedule:TableName must be 3 to 63", failure.Message, StringComparison.Ordinal);
    }
}
