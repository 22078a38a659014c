/** After this many failed tries a message is marked failed and the agent can retry it by hand. */
export const MAX_ATTEMPTS = 8;
