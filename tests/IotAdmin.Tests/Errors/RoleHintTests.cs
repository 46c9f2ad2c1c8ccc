using IotAdmin.Errors;
using Xunit;

namespace IotAdmin.Tests.Errors
{
    /// <summary>A 403's recommended action names the role the server says is needed, and stays generic otherwise.</summary>
    public class RoleHintTests
    {
        [Theory]
        [InlineData("permission denied: device.update on project 'p' needs the role project.developer or higher", "project.developer")]
        [InlineData("requires role roles/organization.admin", "organization.admin")]
        [InlineData("Needs the role Project.Admin", "project.admin")]
        [InlineData("permission denied", null)]
        [InlineData(null, null)]
        public void Reads_the_role_from_the_message(string? message, string? role) => Assert.Equal(role, RoleHint.RoleNamedIn(message));

        [Fact]
        public void A_403_from_the_api_recommends_that_role_and_a_plain_403_the_generic_action()
        {
            var named = ErrorClassifier.FromResponse("PATCH", "/v2/projects/p", 403, "{\"error\":\"permission denied: project.update on project 'p' needs the role project.admin or higher\",\"code\":403}", null);
            Assert.Equal("Do not retry: give the service account the role project.admin (or higher) there: Add-IotMember -Role project.admin, or Set-IotMember -Role project.admin if it is a member already", named.RecommendedAction);
            var plain = ErrorClassifier.FromResponse("PATCH", "/v2/projects/p", 403, "{\"error\":\"forbidden\",\"code\":403}", null);
            Assert.Equal("Do not retry: " + ErrorRules.For(CanonicalStatus.PermissionDenied).Action, plain.RecommendedAction);
        }
    }
}
