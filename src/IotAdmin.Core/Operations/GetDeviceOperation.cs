using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations
{
    /// <summary>
    /// Get-IotDevice: streams devices page by page (first object after one round trip, memory flat in N).
    /// Ids are looked up in one filtered listing per project (50 ids per request), not one GET each; every id not
    /// found becomes a non-terminating ObjectNotFound error with the id as target.
    /// </summary>
    internal static class GetDeviceOperation
    {
        /// <summary>Get-IotDevice's call: every API call logs to <paramref name="output"/>.</summary>
        public static Task RunAsync(IotSession session, GetDeviceRequest request, ICommandOutput output, CancellationToken cancellationToken) =>
            RunAsync(session, request, output, new ApiCallContext(output), cancellationToken);

        /// <summary>The same with a context of the caller's, whose counters tests and benchmarks read.</summary>
        public static async Task RunAsync(IotSession session, GetDeviceRequest request, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            session.ThrowIfDisposed();
            var filter = BuildQuery(request);
            if (request.DeviceIds != null && request.DeviceIds.Count > 0)
            {
                await GetByIdsAsync(session, request, filter, output, context, cancellationToken).ConfigureAwait(false);
                return;
            }

            var progress = new ListingProgress(output, context.Counters, session.Time, "Get-IotDevice", "device");
            if (request.ProjectId != null)
            {
                filter.ProjectId = request.ProjectId;
                await ListAsync(session, filter, request.ProjectId, output, context, progress, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // No project: every project of every organization the account can see, via the "-" wildcard.
                foreach (var organization in await session.GetOrganizationsAsync(context, cancellationToken).ConfigureAwait(false))
                {
                    filter.ProjectId = "-";
                    filter.OrganizationId = organization.OrganizationId;
                    await ListAsync(session, filter, organization.Name, output, context, progress, cancellationToken).ConfigureAwait(false);
                }
            }

            progress.Complete();
        }

        /// <summary>Checks every filter before any request; throws ArgumentException naming the parameter.</summary>
        internal static DeviceQuery BuildQuery(GetDeviceRequest request)
        {
            if (request.ProjectId != null) InputRules.Require(InputRules.CheckId("Project", request.ProjectId), "ProjectId");
            var labels = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (request.Labels != null)
            {
                foreach (DictionaryEntry entry in request.Labels)
                {
                    var key = entry.Key?.ToString();
                    InputRules.Require(InputRules.CheckLabelKey(key), "Label");
                    string? value = null;
                    if (entry.Value != null)
                    {
                        value = LabelValueText.ToText(key!, entry.Value, out var problem);
                        InputRules.Require(problem, "Label");
                    }

                    if (!string.IsNullOrEmpty(value)) InputRules.Require(InputRules.CheckLabelValue(key!, value), "Label");
                    labels[key!] = string.IsNullOrEmpty(value) ? null : value;
                }
            }

            foreach (var type in request.DeviceTypes ?? Array.Empty<string>()) InputRules.Require(InputRules.CheckPlainToken("DeviceType", type), "DeviceType");
            foreach (var number in request.ProductNumbers ?? Array.Empty<string>()) InputRules.Require(InputRules.CheckPlainToken("ProductNumber", number), "ProductNumber");
            InputRules.Require(InputRules.CheckOrderBy(request.OrderBy), "OrderBy");
            return new DeviceQuery
            {
                Labels = labels,
                DeviceTypes = request.DeviceTypes ?? Array.Empty<string>(),
                ProductNumbers = request.ProductNumbers ?? Array.Empty<string>(),
                Query = string.IsNullOrEmpty(request.Query) ? null : request.Query,
                OrderBy = request.OrderBy,
            };
        }

        private static async Task ListAsync(IotSession session, DeviceQuery query, object target, ICommandOutput output, ApiCallContext context, ListingProgress progress, CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var device in session.Backend.ListDevicesAsync(query, context, cancellationToken).ConfigureAwait(false))
                {
                    session.Completion.Observe(device);
                    output.WriteObject(device);
                    progress.Observe();
                }
            }
            catch (IotApiException e) when (!Errors.ErrorRules.EndsTheCommand(e))
            {
                output.WriteError(IotErrorInfo.FromApi(e, target));
            }
        }

        private static async Task GetByIdsAsync(IotSession session, GetDeviceRequest request, DeviceQuery filter, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            // Group by project: ids may be full names carrying their own project.
            var byProject = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var reference in request.DeviceIds!)
            {
                var split = InputRules.SplitDeviceReference(reference ?? string.Empty);
                var projectId = split.Key ?? request.ProjectId ?? "-";
                var problem = InputRules.CheckId("Device", split.Value) ?? (projectId == "-" ? null : InputRules.CheckId("Project", projectId));
                if (problem != null)
                {
                    output.WriteError(IotErrorInfo.InvalidInput(ClientErrorIds.InvalidDeviceId, problem, reference, "Pass a device id such as the DeviceId of Get-IotDevice's output."));
                    continue;
                }

                if (!byProject.TryGetValue(projectId, out var ids)) byProject[projectId] = ids = new List<string>();
                if (!ids.Contains(split.Value)) ids.Add(split.Value);
            }

            foreach (var group in byProject)
            {
                if (group.Key == "-")
                {
                    // No project known: the wildcard GET searches every project the account can see.
                    foreach (var id in group.Value)
                    {
                        try
                        {
                            var device = await session.Backend.GetDeviceAsync("-", id, context, cancellationToken).ConfigureAwait(false);
                            session.Completion.Observe(device);
                            output.WriteObject(device);
                        }
                        catch (IotApiException e) when (!Errors.ErrorRules.EndsTheCommand(e))
                        {
                            output.WriteError(IotErrorInfo.FromApi(e, id));
                        }
                    }

                    continue;
                }

                foreach (var chunk in DeviceIdLookup.Chunks(group.Value))
                {
                    var found = new HashSet<string>(StringComparer.Ordinal);
                    try
                    {
                        await foreach (var device in DeviceIdLookup.ListAsync(session.Backend, group.Key, chunk, filter, context, cancellationToken).ConfigureAwait(false))
                        {
                            found.Add(device.DeviceId);
                            session.Completion.Observe(device);
                            output.WriteObject(device);
                        }
                    }
                    catch (IotApiException e) when (!Errors.ErrorRules.EndsTheCommand(e))
                    {
                        // The user asked for devices, not for the project: one record per id still unanswered, each
                        // naming its device, so -ErrorVariable's targets are exactly what to try again.
                        foreach (var unanswered in chunk.Where(id => !found.Contains(id))) output.WriteError(IotErrorInfo.FromApi(e, unanswered));
                        continue;
                    }

                    // The same condition as a 404 on the device: one ErrorId (IotApiNotFound) with or without -ProjectId.
                    foreach (var missing in chunk.Where(id => !found.Contains(id)))
                    {
                        var message = "device '" + missing + "' was not found in project '" + group.Key + "'" + (HasFilters(filter) ? " (or does not match the filters)" : string.Empty);
                        output.WriteError(IotErrorInfo.FromApi(session.Backend.NotInListing(group.Key, missing, message), missing));
                    }
                }
            }
        }

        private static bool HasFilters(DeviceQuery q) => q.Labels.Count > 0 || q.DeviceTypes.Count > 0 || q.ProductNumbers.Count > 0 || q.Query != null;
    }
}
