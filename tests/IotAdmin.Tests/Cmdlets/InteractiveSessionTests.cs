using IotAdmin.Commands.Infrastructure;
using Xunit;

namespace IotAdmin.Tests.Cmdlets
{
    /// <summary>When a bulk summary is shown on the host: a person at a console, not a script or a runbook.</summary>
    public class InteractiveSessionTests
    {
        [Fact]
        public void A_console_prompt_is_interactive() =>
            Assert.True(InteractiveSession.Decide(true, "ConsoleHost", true, new[] { "pwsh" }));

        [Theory]
        [InlineData("-NonInteractive")]
        [InlineData("-noni")]
        [InlineData("/NonInteractive")]
        [InlineData("--noninteractive")]
        public void PowerShell_started_non_interactive_is_not(string flag) =>
            Assert.False(InteractiveSession.Decide(true, "ConsoleHost", true, new[] { "pwsh", "-NoProfile", flag, "-Command", "x" }));

        [Fact]
        public void A_script_argument_that_looks_like_the_flag_does_not_count() =>
            Assert.True(InteractiveSession.Decide(true, "ConsoleHost", true, new[] { "pwsh", "-File", "run.ps1", "-NonInteractive" }));

        [Fact]
        public void A_short_switch_that_only_starts_like_it_does_not_count() =>
            Assert.True(InteractiveSession.Decide(true, "ConsoleHost", true, new[] { "pwsh", "-No", "-Command", "x" }));

        [Theory]
        [InlineData(false, "ConsoleHost", true)] // a Windows service (a hybrid worker)
        [InlineData(true, "Default Host", true)] // a runspace made through the API (Azure Automation, [powershell]::Create())
        [InlineData(true, "ConsoleHost", false)] // no user interface
        [InlineData(true, null, true)]
        public void Services_api_runspaces_and_hosts_without_a_UI_are_not(bool userInteractive, string? host, bool hasUi) =>
            Assert.False(InteractiveSession.Decide(userInteractive, host, hasUi, new[] { "pwsh" }));
    }
}
