using System;
using IotAdmin.Validation;
using Xunit;

namespace IotAdmin.Tests.Operations
{
    public class DurationArgumentTests
    {
        [Theory]
        [InlineData("6h", 6 * 3600)]
        [InlineData("30m", 30 * 60)]
        [InlineData("90s", 90)]
        [InlineData("2d", 2 * 86400)]
        [InlineData("1w", 7 * 86400)]
        [InlineData("1h30m", 5400)]
        [InlineData("1.5h", 5400)]
        [InlineData("06:00:00", 6 * 3600)]
        [InlineData("1.00:00:00", 86400)]
        public void Reads_the_forms_people_type(string text, int seconds)
        {
            Assert.True(DurationArgument.TryParse(text, out var value));
            Assert.Equal(TimeSpan.FromSeconds(seconds), value);
        }

        [Theory]
        [InlineData("")]
        [InlineData("six hours")]
        [InlineData("6x")]
        [InlineData("h6")]
        public void Refuses_anything_else(string text) => Assert.False(DurationArgument.TryParse(text, out _));
    }
}
