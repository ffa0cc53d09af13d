/**
 * Besieged and hard-to-reach areas: the dashboard as of a day, an area with every figure, and the
 * writes (the area, its status and besiegers: besieged:manage; a population estimate or a delivery:
 * besieged:count). An area the reader may not see is not found and in no list.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addPopulationEstimate } from '../../app/besieged/add-population-estimate.ts';
import { estimateView, deliveryView } from '../../app/besieged/besieged-access.ts';
import { changeBesiegedArea } from '../../app/besieged/change-besieged-area.ts';
import { getBesiegedArea } from '../../app/besieged/get-besieged-area.ts';
import { listBesiegedAreas } from '../../app/besieged/list-besieged-areas.ts';
import { recordBesiegedArea } from '../../app/besieged/record-besieged-area.ts';
import { recordDelivery } from '../../app/besieged/record-delivery.ts';
import type { AppContext } from '../../app/context.ts';
import { errorResponses, idParams } from '../schemas.ts';
import {
  areaBody,
  areaDetailJson,
  areaDetailOut,
  areaJson,
  areaOut,
  areaPatchBody,
  dashboardJson,
  dashboardOut,
  dashboardQuery,
  deliveryBody,
  deliveryOut,
  estimateBody,
  estimateOut,
  overallEstimateBody,
  toAreaChange,
  toAreaInput,
  toDeliveryInput,
  toEstimateInput,
} from './besieged.schemas.ts';

export const besiegedRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['besieged areas'];

  app.get(
    '/besieged-areas',
    {
      schema: {
        tags,
        summary:
          'The dashboard: each besieged or hard-to-reach area as of a day (status, besiegers, population and trend, days without aid), and the overall count',
        querystring: dashboardQuery,
        response: { 200: dashboardOut, ...errorResponses },
      },
    },
    async (request) => dashboardJson(await listBesiegedAreas(ctx, request.caller, request.query.on)),
  );

  app.get(
    '/besieged-areas/:id',
    {
      schema: {
        tags,
        summary: 'An area with every status, besieger, population estimate (every version) and delivery',
        params: idParams,
        response: { 200: areaDetailOut, ...errorResponses },
      },
    },
    async (request) => areaDetailJson(await getBesiegedArea(ctx, request.caller, request.params.id)),
  );

  app.post(
    '/besieged-areas',
    {
      schema: {
        tags,
        summary: 'Record a besieged or hard-to-reach area: its own area or a zone’s (besieged:manage)',
        body: areaBody,
        response: { 201: areaOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(areaJson(await recordBesiegedArea(ctx, request.caller, toAreaInput(request.body)))),
  );

  app.patch(
    '/besieged-areas/:id',
    {
      schema: {
        tags,
        summary: 'Rename an area, give its status from a day, or its besiegers (besieged:manage)',
        params: idParams,
        body: areaPatchBody,
        response: { 200: areaOut, ...errorResponses },
      },
    },
    async (request) =>
      areaJson(await changeBesiegedArea(ctx, request.caller, request.params.id, toAreaChange(request.body))),
  );

  app.post(
    '/besieged-areas/:id/estimates',
    {
      schema: {
        tags,
        summary: 'Add a population estimate, a new version beside the others (besieged:count)',
        params: idParams,
        body: estimateBody,
        response: { 201: estimateOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          estimateView(
            await addPopulationEstimate(ctx, request.caller, request.params.id, toEstimateInput(request.body)),
          ),
        ),
  );

  app.post(
    '/besieged-areas/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Record aid that reached the area (besieged:count)',
        params: idParams,
        body: deliveryBody,
        response: { 201: deliveryOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          deliveryView(await recordDelivery(ctx, request.caller, request.params.id, toDeliveryInput(request.body))),
        ),
  );

  app.post(
    '/population-estimates',
    {
      schema: {
        tags,
        summary: 'Add an overall estimate of the besieged population, every location together (besieged:count)',
        body: overallEstimateBody,
        response: { 201: estimateOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(estimateView(await addPopulationEstimate(ctx, request.caller, null, toEstimateInput(request.body)))),
  );
};
