namespace JourneyBot.Storage.Tests;

public sealed class KeyEncoderTests
{
    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1")]
    [InlineData("a:1Bx=")]
    [InlineData("emoji 😀 ünïcödé 'quoted' \"too\"")]
    public void Encode_keeps_a_readable_id_as_it_is(string id)
    {
        Assert.Equal(id, KeyEncoder.Encode(id));
    }

    [Fact]
    public void Encode_escapes_the_forbidden_characters_the_percent_and_the_separator()
    {
        Assert.Equal("!@%23$%25^&*()%7E%2F%5C><,.%3F';\"", KeyEncoder.Encode(OddKeys.Punctuation));
    }

    [Fact]
    public void Encode_escapes_every_control_character()
    {
        var controls = string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c));

        var encoded = KeyEncoder.Encode(controls);

        Assert.DoesNotContain(encoded, char.IsControl);
        Assert.Equal(controls, KeyEncoder.Decode(encoded));
    }

    [Theory]
    [MemberData(nameof(OddKeys.Indexes), MemberType = typeof(OddKeys))]
    public void Encode_of_an_odd_id_is_a_valid_key_segment_and_decodes_back(int index)
    {
        // Arrange
        var id = OddKeys.All[index];

        // Act
        var encoded = KeyEncoder.Encode(id);

        // Assert
        Assert.DoesNotContain(encoded, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(encoded), 1, KeyEncoder.MaxReadableLength);
        if (encoded.StartsWith(KeyEncoder.HashMarker, StringComparison.Ordinal))
        {
            Assert.Null(KeyEncoder.Decode(encoded));
        }
        else
        {
            Assert.DoesNotContain(KeyEncoder.Separator, encoded);
            Assert.Equal(id, KeyEncoder.Decode(encoded));
        }
    }

    [Fact]
    public void Encode_gives_every_odd_id_its_own_segment()
    {
        Assert.Equal(OddKeys.All.Count, OddKeys.All.Select(KeyEncoder.Encode).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Encode_hashes_an_id_past_250_bytes_of_UTF8_to_h_and_43_characters()
    {
        Assert.Equal(new string('a', 250), KeyEncoder.Encode(new string('a', 250)));
        Assert.Matches("^h~[A-Za-z0-9_-]{43}$", KeyEncoder.Encode(new string('a', 251)));
        Assert.StartsWith("h~", KeyEncoder.Encode(new string('€', 84)), StringComparison.Ordinal);
        Assert.StartsWith("h~", KeyEncoder.Encode(new string('?', 84)), StringComparison.Ordinal);
        Assert.Equal(KeyEncoder.Encode(new string('x', 2000)), KeyEncoder.Encode(new string('x', 2000)));
    }

    [Fact]
    public void Encode_hashes_an_id_with_a_lone_surrogate_and_tells_them_apart()
    {
        var one = KeyEncoder.Encode("a\uD800");
        var other = KeyEncoder.Encode("a\uD801");

        Assert.StartsWith("h~", one, StringComparison.Ordinal);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Encode_spells_a_lone_h_as_percent_68_so_that_h_tilde_always_means_a_hash()
    {
        Assert.Equal("%68", KeyEncoder.Encode("h"));
        Assert.Equal("h", KeyEncoder.Decode("%68"));
        Assert.Equal("%2568", KeyEncoder.Encode("%68"));
        Assert.Equal("h%7Eabc", KeyEncoder.Encode("h~abc"));
        Assert.Equal("hh", KeyEncoder.Encode("hh"));
    }
}
