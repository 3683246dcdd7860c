// French: chapter 'backprop': its text (the fragments between its formulas), its labs and its tasks.
export default {
};
