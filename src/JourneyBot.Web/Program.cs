using JourneyBot.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddJourneyBotWeb();

var app = builder.Build();
app.MapJourneyBotWeb();
app.Run();

/// <summary>The web host's entry point; public so that tests can host it.</summary>
public partial class Program;
