/**
 * Who answers a chat message or a card press: two ordered pipelines of small steps, between the Teams edge
 * and the features. {@link se.vagvisaren.routing.MessagePipeline} runs the {@code RoutingStep}s and
 * {@link se.vagvisaren.routing.CardActionPipeline} the {@code CardActionStep}s, each in the order of its
 * {@code @Order} constant in {@link se.vagvisaren.routing.StepOrder}; the first step that answers ends the
 * turn. Conflicts between steps (a word that two features could claim) are settled by that order, never by
 * leaving words out of a feature's phrase file. No Bot Framework types here: {@code teams} translates
 * activities into {@code IncomingMessage}s and sends the replies; features depend on nothing in this package.
 */
package se.vagvisaren.routing;
