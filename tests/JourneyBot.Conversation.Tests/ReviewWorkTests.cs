using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Scheduling;
using JourneyBot.Conversation.StillTrue;

namespace JourneyBot.Conversation.Tests;

/// <summary>A review's moments and its scheduled work's payload.</summary>
public sealed class ReviewWorkTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 7)]
    [InlineData(6.9, 7)]
    [InlineData(7, 14)]
    [InlineData(20, 21)]
    public void The_next_review_falls_on_the_next_whole_period_from_when_it_was_set(double daysOn, int nextDays)
    {
        var review = new MapReview(7, Since);

        Assert.Equal(Since + TimeSpan.FromDays(nextDays), review.NextAfter(Since + TimeSpan.FromDays(daysOn)));
    }

    [Fact]
    public void An_item_is_due_once_neither_added_nor_confirmed_within_the_days()
    {
        var review = new MapReview(7, Since);
        var item = new MapItem { Id = "k3f9q", Kind = ItemKind.PainPoint, StageId = "s1", Text = "Slow", Author = new("a", "A"), CreatedAt = Since };
        var now = Since + TimeSpan.FromDays(7);

        Assert.True(review.IsDue(item, now));
        Assert.False(review.IsDue(item, now - TimeSpan.FromSeconds(1)));
        Assert.False(review.IsDue(item with { ConfirmedAt = Since + TimeSpan.FromDays(1) }, now));
    }

    [Fact]
    public void The_payload_round_trips_and_one_not_ours_reads_as_nothing()
    {
        var target = new ReviewTarget(new MapScope("19:team", "19:general;messageid=1"), "map-1", "https://smba.trafficmanager.net/emea/", "tenant-1", new MapReview(30, Since));
        var work = ReviewWork.At(target, Since + TimeSpan.FromDays(30));

        Assert.Equal(target, ReviewWork.Read(work));
        Assert.Equal("review|19:team|map-1", work.Id);
        Assert.Null(ReviewWork.Read(work with { Payload = "not json" }));
        Assert.Null(ReviewWork.Read(work with { Payload = work.Payload.Replace("\"days\":30", "\"days\":0", StringComparison.Ordinal) }));
        Assert.Null(ReviewWork.Read(work with { Payload = work.Payload.Replace("\"map\":", "\"mop\":", StringComparison.Ordinal) }));
        Assert.Null(ReviewWork.Read(new DueWork("x", ReviewWork.Kind, Since, "{\"days\":\"thirty\"}")));
    }
}
