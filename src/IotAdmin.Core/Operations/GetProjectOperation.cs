using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations
{
    /// <summary>Get-IotProject: by id (each missing one is a non-terminating error), or a filtered listing.</summary>
    internal static class GetProjectOperation
    {
        /// <summary>Get-IotProject's call: every API call logs to <paramref name="output"/>.</summary>
        public static Task RunAsync(IotSession session, IReadOnlyList<string>? projectIds, string? organizationId, string? query, ICommandOutput output, CancellationToken cancellationToken) =>
            RunAsync(session, projectIds, organizationId, query, output, new ApiCallContext(output), cancellationToken);

        /// <summary>The same with a context of the caller's, whose counters tests and benchmarks read.</summary>
        public static async Task RunAsync(IotSession session, IReadOnlyList<string>? projectIds, string? organizationId, string? query, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            session.ThrowIfDisposed();
            if (organizationId != null) InputRules.Require(InputRules.CheckId("Organization", organizationId), "OrganizationId");
            if (projectIds != null && projectIds.Count > 0)
            {
                foreach (var id in projectIds)
                {
                    var problem = InputRules.CheckId("Project", id);
                    if (problem != null)
                    {
                        output.WriteError(IotErrorInfo.InvalidInput(ClientErrorIds.InvalidProjectId, problem, id, "Pass a project id such as the ProjectId of Get-IotProject's output."));
                        continue;
                    }

                    try
                    {
                        output.WriteObject(await session.Backend.GetProjectAsync(id, context, cancellationToken).ConfigureAwait(false));
                    }
                    catch (IotApiException e) when (!Errors.ErrorRules.EndsTheCommand(e))
                    {
                        output.WriteError(IotErrorInfo.FromApi(e, id));
                    }
                }

                return;
            }

            try
            {
                var listing = session.Backend.ListProjectsAsync(new ProjectQuery { OrganizationId = organizationId, Query = query }, context, cancellationToken);
                await foreach (var project in listing.ConfigureAwait(false)) output.WriteObject(project);
            }
            catch (IotApiException e) when (!Errors.ErrorRules.EndsTheCommand(e))
            {
                output.WriteError(IotErrorInfo.FromApi(e, organizationId));
            }
        }
    }
}
