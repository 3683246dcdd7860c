// French: chapter 'regularisation': its text (the fragments between its formulas), its labs and its tasks.
export default {
};
