// French: the playground's composed messages (hover captions, warnings, the layer table, the step panel) and the core's error messages.
export default {
};
