using System;
using IotAdmin.Models;
using IotAdmin.Output;
using Xunit;

namespace IotAdmin.Tests.Output
{
    /// <summary>The words a person reads at the end of a bulk command, and counted nouns.</summary>
    public class SummaryTextTests
    {
        [Theory]
        [InlineData(0, "0 requests")]
        [InlineData(1, "1 request")]
        [InlineData(2, "2 requests")]
        public void Counts_take_the_plural_except_for_one(int count, string expected) => Assert.Equal(expected, CountText.Of(count, "request"));

        [Fact]
        public void A_run_reports_what_changed_and_what_it_cost()
        {
            var summary = new IotBulkSummary { Command = "Set-IotLabel", Succeeded = 600, Failed = 2, Requests = 1, Elapsed = TimeSpan.FromSeconds(1.2) };

            Assert.Equal("Set-IotLabel: 600 succeeded, 2 failed, 0 skipped; 1 request (0 retried, 0 throttled) in 1.2 s", summary.ToString());
        }

        [Fact]
        public void A_WhatIf_run_ends_with_what_would_change()
        {
            var summary = new IotBulkSummary { Command = "Move-IotDevice", WhatIf = 173, Requests = 2, Elapsed = TimeSpan.FromSeconds(0.3) };

            Assert.EndsWith("; 173 would change", summary.ToString());
            Assert.StartsWith("Move-IotDevice: 0 failed, 0 skipped; 2 requests", summary.ToString());
        }
    }
}
