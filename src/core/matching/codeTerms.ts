/**
 * How code and everyday machine-learning writing name the glossary's concepts beyond their terms and aliases:
 * the field's abbreviations and conventions (`lr`, `n_embd`, `attn`), the concept inside a compound identifier
 * (`lr_decay_iters`, `grad_clip`), the sense a word takes in code (`bias=True` is a layer's bias term), French
 * inflections of borrowed words (« finetuné », « overfitter ») and common phrasings ("predicting the next word").
 *
 * Plain data, keyed by concept id: an entry whose concept is not in the loaded glossary is ignored, so the
 * table serves the bundled glossary as it grows and users' glossaries alike. Each form is normalised like a
 * glossary term (case, accents, separators, camelCase and plurals do not matter).
 */

/** When a form counts. Everything left out holds: a bare form counts everywhere. */
export interface CodeTermRule {
  readonly forms: readonly string[];
  /** The language of the forms; both when left out (identifiers are written the same in both). */
  readonly lang?: 'fr' | 'en';
  /** Only where the document is about machine learning (its imports, or the concepts it names): `lr`, `ln`, `bs`. */
  readonly ml?: boolean;
  /**
   * `code`: only in code (not in comments or Markdown prose); `prose`: only in comments and prose;
   * `code-file`: anywhere in a code file (comments included), not in Markdown or plain text.
   */
  readonly zone?: 'code' | 'prose' | 'code-file';
  /** Only with one of these words within a few words on the same line (`clip` beside `grad` or `norm`). */
  readonly near?: readonly string[];
  /** Never with one of these words within a few words on the same line (`label` in plotting code). */
  readonly notNear?: readonly string[];
  /** The characters right before the form (`.` for a method: `x.shape`). */
  readonly before?: string;
  /** The characters right after the form (`(` for a call: `loss.backward()`). */
  readonly after?: string;
  /** Never followed by text that matches this (`ln(x)` is a logarithm: `/^\(/`). */
  readonly notAfter?: RegExp;
  /** The matched text must match this (`heads`, plural, names attention heads; `head` alone does not). */
  readonly pattern?: RegExp;
}

const always = (...forms: string[]): CodeTermRule => ({ forms });
/** Forms that name the concept only in machine-learning documents. */
const ml = (...forms: string[]): CodeTermRule => ({ forms, ml: true });
const en = (...forms: string[]): CodeTermRule => ({ forms, lang: 'en' });
const fr = (...forms: string[]): CodeTermRule => ({ forms, lang: 'fr' });
const frMl = (...forms: string[]): CodeTermRule => ({ forms, lang: 'fr', ml: true });
/** Forms that name the concept only beside one of `words` (in machine-learning documents). */
const near = (words: readonly string[], ...forms: string[]): CodeTermRule => ({ forms, ml: true, near: words });
/** `x.name(`: a method call in machine-learning code. */
const method = (...names: string[]): CodeTermRule => ({ forms: names, ml: true, zone: 'code', before: '.', after: '(' });
/** `x.name`: an attribute in machine-learning code. */
const attribute = (...names: string[]): CodeTermRule => ({ forms: names, ml: true, zone: 'code', before: '.' });

/** The French forms of a borrowed verb: « finetuner », « finetuné(e)(s) », « finetune », « finetunent »... */
function frenchVerb(stem: string): string[] {
  return ['er', 'é', 'ée', 'és', 'ées', 'e', 'es', 'ent', 'ant', 'ons', 'ez', 'ait', 'aient', 'era', 'eront'].map((ending) => stem + ending);
}

const GRAD = ['grad', 'grads', 'gradient', 'gradients', 'norm', 'norms', 'gradient', 'clip', 'clipping'];
const OPTIMIZER = ['optimizer', 'optimiser', 'optim', 'opt', 'scaler'];
const CACHE = ['cache', 'cached', 'past', 'present', 'layer_past', 'use_cache'];
const CAUSAL = ['causal', 'tril', 'triu', 'future', 'inf', 'autoregressive'];
const ATTENTION = ['attention', 'attn', 'att', 'softmax', 'xq', 'xk', 'xv', 'q', 'k', 'v', 'sqrt', 'head_dim', 'mask', 'query', 'key'];
const QKV = ['attention', 'attn', 'head', 'heads', 'softmax', 'q', 'k', 'v', 'matrix', 'matrices', 'projection', 'projections', 'proj', 'cache', 'scores', 'self-attention', 'dot', 'rotate', 'rotary', 'rope'];
const QKV_FR = ['attention', 'tête', 'têtes', 'softmax', 'produit', 'produits', 'scalaire', 'scalaires', 'cache', 'kv'];
const SCHEDULE = ['lr', 'scheduler', 'schedule', 'decay', 'learning', 'warmup', 'annealing', 'lr_scheduler', 'lr_scheduler_type'];
const PLOTTING = ['plt', 'plot', 'ax', 'axes', 'legend', 'fig', 'scatter', 'hist', 'bar', 'barh', 'title', 'xlabel', 'ylabel', 'sns', 'matplotlib', 'button', 'tk', 'html', 'form', 'input', 'widget', 'gr', 'st'];
const BIAS_TERM_WORDS = ['weight', 'weights', 'poids', 'layer', 'layers', 'couche', 'couches', 'linear', 'linéaire', 'linéaires', 'neuron', 'neurons', 'neurone', 'neurones', 'term', 'terme', 'intercept', 'affine', 'add', 'added', 'w', 'b', 'wx', 'matrix', 'matrice', 'unit', 'units', 'dense', 'conv', 'layernorm'];
const SKLEARN_SCALER = ['standardscaler', 'minmaxscaler', 'robustscaler', 'transform', 'fit_transform', 'sklearn', 'preprocessing', 'x_train', 'x_test'];
/** What a model freezes (« geler les couches »): without one of these near it, « geler » is frost in an orchard. */
const FROZEN_WHAT = ['couche', 'couches', 'poids', 'paramètre', 'paramètres', 'modèle', 'réseau', 'backbone', 'encodeur', 'embeddings', 'plongements', 'tête', 'base', 'affinage', 'gradient', 'gradients', 'requires_grad'];

/** What a model freezes in English ("freeze the backbone"): without one of these near it, "frozen" is food or ice. */
const FROZEN_WHAT_EN = ['layer', 'layers', 'weight', 'weights', 'parameter', 'parameters', 'params', 'model', 'models', 'backbone', 'encoder', 'decoder', 'embeddings', 'embedding', 'base', 'head', 'heads', 'network', 'bert', 'tower', 'requires_grad', 'gradient', 'gradients', 'adapter', 'adapters', 'lora', 'batchnorm', 'bn', 'pretrained', 'pre-trained', 'fine-tuning', 'fine-tune', 'unfreeze', 'unfrozen'];
/** What sampling temperature is said with: without one of these near it, "temperature" is a kiln's, a truck's or the weather's. */
const TEMPERATURE_WITH = [
  'sampling', 'softmax', 'top_p', 'top-p', 'top_k', 'top-k', 'llm', 'llms', 'model', 'models', 'modèle', 'modèles', 'generation', 'génération',
  'generate', 'decoding', 'décodage', 'creative', 'créatif', 'créative', 'random', 'randomness', 'aléatoire', 'deterministic', 'déterministe',
  'logits', 'setting', 'réglage', 'parameter', 'paramètre', 'answers', 'réponses', 'output', 'outputs', 'sortie', 'tokens', 'jetons', 'token',
  'jeton', 'gpt', 'chatgpt', 'openai', 'api', 'prompt', 'completion', 'greedy', 'beam', 'diversity', 'diversité', 'bot', 'chatbot', 'assistant',
  // « mettre la température à 0 »: a setting's value.
  '0', 'zero', 'zéro', 'mettre', 'régler', 'baisser',
];

/** What a random seed is said with: without one of these near it, "seed" is a plant's. */
const SEED_WITH = ['random', 'randomness', 'torch', 'numpy', 'np', 'manual_seed', 'set_seed', 'rng', 'reproducible', 'reproducibility', 'reproductible', 'fixed', 'fix', 'set', 'same', 'different', 'runs', 'run', 'aléatoire', 'fixer', 'fixe', 'graine', 'generator', 'shuffle', 'split', 'initialization', 'initialisation', 'weights', 'poids', 'training', 'entraînement'];

const AMP_SCALER = ['amp', 'gradscaler', 'unscale', 'unscale_', 'float16', 'fp16', 'scale', 'update', 'step', 'backward'];

/** The table, by concept id. */
export const CODE_TERMS: Readonly<Record<string, readonly CodeTermRule[]>> = {
  // ---- the training loop as code writes it ----
  'learning-rate': [
    always('learning_rate', 'min_lr', 'max_lr', 'base_lr', 'peak_lr', 'init_lr', 'initial_lr', 'final_lr', 'lr_max', 'lr_min', 'adam_lr'),
    ml('lr', 'lrs'),
    fr("taux d'apprentissage", "pas d'apprentissage"),
  ],
  'learning-rate-warmup': [
    always('warmup_iters', 'warmup_steps', 'num_warmup_steps', 'warmup_ratio', 'warmup_epochs', 'warmup_tokens', 'lr_warmup', 'linear warmup', 'linear warm-up', 'warmup phase', 'warm-up phase'),
    ml('warmup', 'warm-up'),
    fr('warmup linéaire', 'échauffement du taux'),
  ],
  'cosine-decay': [
    always('lr_decay_iters', 'cosine schedule', 'cosine annealing', 'CosineAnnealingLR', 'CosineAnnealingWarmRestarts', 'get_cosine_schedule_with_warmup', 'cosine decay', 'cosine learning rate', 'décroissance cosinus', 'décroissance en cosinus'),
    near(SCHEDULE, 'cosine', 'cosinus'),
  ],
  'learning-rate-decay': [always('lr_decay', 'decay_lr', 'StepLR', 'MultiStepLR', 'ExponentialLR', 'lr decay', 'learning rate decay')],
  'learning-rate-schedule': [
    always('lr_scheduler', 'lr_schedule', 'get_lr', 'LambdaLR', 'OneCycleLR', 'lr_scheduler_type', 'get_scheduler', 'get_linear_schedule_with_warmup'),
    near(['warmup', 'decay', 'learning', 'lr', 'cosine', 'rate', 'linear', 'step', 'steps'], 'schedule', 'schedules'),
    { forms: ['scheduler', 'schedulers'], ml: true, notNear: ['noise', 'ddpm', 'ddim', 'diffusion', 'timesteps', 'unet', 'pipe', 'cron', 'job', 'jobs', 'celery'] },
  ],
  'training-step': [
    always('max_iters', 'iter_num', 'num_iters', 'n_iters', 'global_step', 'max_steps', 'num_training_steps', 'total_steps', 'train_steps', 'num_train_steps', 'training steps', 'training step'),
    ml('iters', 'iteration', 'iterations'),
    frMl('itération', 'itérations'),
  ],
  'optimizer-step': [always('zero_grad', 'optimizer step', "pas de l'optimiseur"), { ...method('step'), near: OPTIMIZER }],
  'backward-pass': [
    always('backward pass', 'backward passes'),
    method('backward'),
    near(['forward', 'pass', 'passes', 'propagation'], 'backward'),
    fr('passe arrière', 'rétropropagation du gradient'),
  ],
  'forward-pass': [
    always('forward pass', 'forward passes'),
    { forms: ['forward'], ml: true, zone: 'code', after: '(' },
    near(['backward', 'pass', 'passes'], 'forward'),
    fr('passe avant'),
  ],
  'training-loop': [always('train_loop', 'training_loop', 'train loop', 'training loop'), fr("boucle d'entraînement")],
  'batch-dimension': [near(['dimension', 'dimensions', 'dim', 'dims', 'axis', 'axes', 'shape', 'broadcast', 'broadcasting'], 'batch'), frMl('dimension du batch')],
  'mini-batch': [always('get_batch', 'micro_batch', 'microbatch', 'minibatch', 'mini_batch', 'micro-batch'), ml('batch', 'batches'), { forms: ['batchs'], lang: 'fr', pattern: /chs$/i }],
  'batch-size': [always('batch_size', 'micro_batch_size', 'per_device_train_batch_size', 'per_device_eval_batch_size', 'train_batch_size', 'eval_batch_size', 'mini_batch_size', 'global_batch_size', 'total_batch_size'), ml('bs', 'bsz')],
  'data-loader': [always('DataLoader', 'dataloader', 'train_loader', 'val_loader', 'test_loader', 'eval_loader', 'valid_loader', 'train_dataloader', 'eval_dataloader', 'val_dataloader', 'data loader', 'data loaders')],
  'model-checkpoint': [
    always('ckpt', 'ckpt_path', 'checkpoint', 'checkpoints', 'save_checkpoint', 'load_checkpoint', 'state_dict', 'load_state_dict', 'checkpoint_path', 'resume_from_checkpoint', 'always_save_checkpoint'),
    fr('point de contrôle', 'points de contrôle', 'point de sauvegarde'),
  ],
  'gradient-accumulation': [always('gradient_accumulation_steps', 'grad_accum', 'grad_accum_steps', 'accumulation_steps', 'accumulate_grad_batches', 'gradient accumulation', 'grad accumulation'), fr('accumulation de gradient', 'accumulation des gradients')],
  'training-loss': [always('train_loss', 'training_loss', 'train loss', 'training loss', 'train_losses'), fr("perte d'entraînement", "perte à l'entraînement")],
  'validation-loss': [always('val_loss', 'valid_loss', 'eval_loss', 'validation_loss', 'best_val_loss', 'val loss', 'validation loss', 'eval loss', 'val_losses'), fr('perte de validation', 'perte en validation')],
  'loss-function': [
    always('loss_fn', 'loss_func', 'loss_function', 'compute_loss', 'loss function', 'loss functions'),
    ml('loss', 'losses', 'criterion'),
    frMl('perte', 'pertes', 'fonction de perte', 'fonction de coût'),
  ],
  'loss-curve': [always('loss curve', 'loss curves', 'learning curve', 'learning curves', 'training curve', 'training curves'), fr('courbe de perte', 'courbes de perte', "courbe d'apprentissage", "courbes d'apprentissage")],
  gradient: [ml('grad', 'grads'), attribute('grad'), frMl('gradient', 'gradients')],
  'gradient-norm': [always('grad_norm', 'total_norm', 'gradient norm', 'norm of the gradient', 'norme du gradient'), { ...near(['clip', 'clipping', 'gradient', 'gradients', 'grad', 'grads'], 'norm', 'norme'), zone: 'prose' }],
  'gradient-clipping': [
    always('grad_clip', 'clip_grad_norm', 'clip_grad_norm_', 'clip_grad_value_', 'clip_grad_value', 'max_grad_norm', 'gradient_clip_val', 'gradient_clipping', 'clip_norm', 'clipnorm', 'clipvalue', 'grad_clip_norm'),
    en('clip gradients', 'clip the gradients', 'clipping gradients', 'clipping the gradients', 'clipped gradients', 'gradient clip'),
    fr('écrêter les gradients', 'écrêtage'),
    // "clip" beside grad/norm is gradient clipping, not the CLIP model.
    near(GRAD, 'clip', 'clipping', 'clipped', 'clips'),
  ],
  'gradient-scaler': [always('GradScaler', 'grad_scaler', 'loss_scaler', 'loss scaler'), { forms: ['scaler'], ml: true, near: AMP_SCALER, notNear: SKLEARN_SCALER }],
  'feature-scaling': [
    always('StandardScaler', 'MinMaxScaler', 'RobustScaler', 'MaxAbsScaler', 'fit_transform'),
    { forms: ['scaler'], ml: true, near: SKLEARN_SCALER },
    en('standardise', 'standardize', 'standardised', 'standardized', 'standardising', 'standardizing'),
    fr(...frenchVerb('standardis'), 'standardisation'),
  ],
  'train-eval-mode': [
    // `self.training` is the module's train/eval flag, not self-training.
    { forms: ['self.training'], zone: 'code' },
    always('model.eval', 'model.train', 'is_training', 'train_mode', 'eval_mode'),
    { forms: ['eval', 'train'], ml: true, zone: 'code', before: '.', after: '()' },
  ],
  'no-grad': [always('no_grad', 'torch.no_grad', 'inference_mode', 'torch.inference_mode', 'stop_gradient', 'stop gradient')],
  // "frozen seafood", "freezing temperatures": the English words name the concept only beside what a model freezes.
  'parameter-freezing': [always('requires_grad_', 'freeze_layers', 'freeze_base', 'frozen layers', 'frozen weights', 'freeze the weights'), near(FROZEN_WHAT_EN, 'freeze', 'frozen', 'freezing', 'freezes'), { ...ml('freeze', 'frozen', 'freezing'), zone: 'code-file' }, { forms: [...frenchVerb('gel'), 'gèle', 'gèlent', 'gelés', 'gelées'], lang: 'fr', ml: true, near: FROZEN_WHAT }],
  'optimizer-state': [always('optimizer_state', 'opt_state', 'exp_avg', 'exp_avg_sq', 'optimizer state')],
  // "a seed lot", « les graines »: a random seed only beside what is seeded, or in code.
  'random-seed': [
    always('manual_seed', 'set_seed', 'random_seed', 'random_state', 'seed_everything', 'PRNGKey'),
    near(SEED_WITH, 'seed', 'seeds', 'seeded'),
    { ...ml('seed', 'seeds', 'seeded'), zone: 'code' },
    { ...near(SEED_WITH, 'graine', 'graines'), lang: 'fr' },
  ],
  'model-training': [method('fit'), always('trainer.train', 'model.fit', 'fit_generator'), frMl(...frenchVerb('entraîn'))],
  prediction: [method('predict', 'predict_proba'), always('y_pred', 'y_hat', 'yhat', 'y_pred_proba'), ml('preds', 'predictions'), frMl('prédire', 'prédit', 'prédite', 'prédits', 'prédisent', 'prédiction', 'prédictions')],
  epoch: [always('num_epochs', 'n_epochs', 'num_train_epochs', 'max_epochs', 'epochs'), frMl('époque', 'époques', 'epoch', 'epochs')],
  'weight-decay': [always('weight_decay', 'no_decay', 'decay_params', 'nodecay_params'), ml('wd')],
  dropout: [always('dropout_p', 'attn_dropout', 'resid_dropout', 'attn_pdrop', 'resid_pdrop', 'embd_pdrop', 'hidden_dropout_prob', 'attention_dropout', 'drop_rate', 'dropout_rate', 'nn.Dropout')],
  'cross-entropy': [always('cross_entropy', 'CrossEntropyLoss', 'BCEWithLogitsLoss', 'BCELoss', 'NLLLoss', 'nll_loss', 'binary_cross_entropy', 'binary_cross_entropy_with_logits', 'log_loss', 'sparse_categorical_crossentropy', 'categorical_crossentropy', 'binary_crossentropy')],
  'mean-squared-error': [always('MSELoss', 'mse_loss', 'mean_squared_error')],
  'mean-absolute-error': [always('L1Loss', 'l1_loss', 'mean_absolute_error')],
  adamw: [always('AdamW', 'adamw_torch', 'paged_adamw_8bit', 'adamw_8bit', 'adam_beta1', 'adam_beta2', 'adam_epsilon'), ml('betas', 'beta1', 'beta2')],
  'gradient-checkpointing': [always('gradient_checkpointing', 'gradient_checkpointing_enable', 'activation_checkpointing', 'torch.utils.checkpoint')],
  autocast: [always('autocast', 'torch.autocast', 'amp.autocast')],
  bfloat16: [always('bfloat16', 'bf16', 'torch.bfloat16', 'is_bf16_supported')],
  'half-precision': [always('float16', 'fp16', 'torch.float16', 'half precision', 'half-precision'), method('half')],
  'single-precision': [always('float32', 'fp32', 'torch.float32', 'tf32', 'allow_tf32', 'single precision')],
  'mixed-precision-training': [always('mixed_precision', 'use_amp', 'amp_dtype')],
  'jit-compilation': [always('torch.compile', 'torch.jit', 'jax.jit', 'jit_compile', 'torch.jit.script', 'torch.jit.trace', 'tf.function')],
  'data-parallelism': [always('DistributedDataParallel', 'ddp', 'DataParallel', 'ddp_model')],
  'distributed-training': [always('torchrun', 'world_size', 'init_process_group', 'local_rank', 'dist.init_process_group')],
  'all-reduce': [always('all_reduce', 'allreduce', 'dist.all_reduce', 'nccl')],
  'model-sharding': [always('device_map', 'shard_checkpoint', 'max_memory')],
  'parameter-count': [always('num_parameters', 'num_params', 'n_params', 'get_num_params', 'count_parameters', 'parameter count', 'number of parameters', 'nombre de paramètres')],
  parameters: [always('model.parameters', 'named_parameters', 'self.parameters', 'trainable_params', 'nn.Parameter'), method('parameters')],
  // ---- tensors and the parts of a Transformer as code names them ----
  broadcasting: [ml('broadcast', 'broadcasts', 'broadcasted'), frMl('diffusion des dimensions')],
  'class-imbalance': [{ ...near(['classe', 'classes', 'données', 'jeu', 'étiquettes'], 'déséquilibré', 'déséquilibrée', 'déséquilibrés', 'déséquilibrées'), lang: 'fr' }, near(['class', 'classes', 'dataset', 'data', 'labels'], 'imbalanced', 'unbalanced')],
  chunking: [always('chunk_size', 'chunk_overlap', 'chunk-size', 'text splitter'), ml('chunking', 'chunk', 'chunks')],
  'baseline-model': [ml('baseline', 'baselines')],
  'question-answering': [en('question-answer pairs', 'question-answer', 'question/answer pairs', 'QA pairs'), fr('paires question-réponse', 'questions-réponses')],
  grounding: [en('grounded', 'ungrounded', 'grounded in'), fr('ancré dans', 'ancrées dans', 'ancrage')],
  'nan-loss': [near(['loss', 'losses', 'perte', 'gradient', 'gradients', 'training', 'becomes', 'devient', 'inf'], 'nan', 'NaNs')],
  tensor: [always('torch.Tensor', 'tf.Tensor', 'jnp.array'), ml('tensor')],
  'tensor-shape': [attribute('shape'), method('reshape', 'unsqueeze', 'squeeze', 'permute')],
  'embedding-dimension': [always('n_embd', 'd_model', 'hidden_size', 'embed_dim', 'embedding_dim', 'emb_dim', 'd_embed', 'n_embed', 'model_dim', 'dim_model', 'd_emb', 'embedding_size', 'hidden_dim_model')],
  attention: [ml('attn', 'att')],
  'self-attention': [always('self_attn', 'self_attention', 'SelfAttention', 'CausalSelfAttention', 'MultiheadAttention')],
  'multi-head-attention': [always('nn.MultiheadAttention', 'MultiHeadAttention', 'multi_head_attention', 'mha')],
  'query-key-value': [
    always('q_proj', 'k_proj', 'v_proj', 'qkv', 'qkv_proj', 'c_attn', 'wq', 'wk', 'wv', 'to_q', 'to_k', 'to_v', 'query_key_value', 'xq', 'xk', 'xv', 'query/key/value', 'queries, keys and values'),
    ml('kv'),
    near([...QKV, 'key', 'keys', 'value', 'values'], 'queries', 'query'),
    near([...QKV, 'query', 'queries', 'value', 'values'], 'keys', 'key'),
    near([...QKV, 'query', 'queries', 'key', 'keys'], 'values', 'value'),
    { ...near([...QKV_FR, 'clé', 'clés', 'valeur', 'valeurs'], 'requête', 'requêtes'), lang: 'fr' },
    { ...near([...QKV_FR, 'requête', 'requêtes', 'valeur', 'valeurs'], 'clé', 'clés'), lang: 'fr' },
    { ...near([...QKV_FR, 'requête', 'requêtes', 'clé', 'clés'], 'valeur', 'valeurs'), lang: 'fr' },
  ],
  'kv-cache': [
    always('kv_cache', 'past_key_values', 'past_kv', 'layer_past', 'use_cache', 'key_cache', 'value_cache', 'cache_k', 'cache_v', 'past key/values', 'past keys and values', 'past_key_value'),
    near(CACHE, 'kv', 'key/values', 'keys/values'),
  ],
  'grouped-query-attention': [always('repeat_kv', 'n_kv_heads', 'n_kv_head', 'n_local_kv_heads', 'num_kv_heads', 'num_key_value_heads', 'num_key_value_groups', 'kv heads', 'kv_heads', 'key/value heads', 'key/value head')],
  'attention-head': [
    always('n_head', 'n_heads', 'num_heads', 'num_attention_heads', 'nhead', 'nheads', 'n_heads_q', 'n_local_heads', 'attention heads', 'attention head', 'query heads', 'query head'),
    { forms: ['heads'], ml: true, pattern: /s$/i },
    frMl('tête', 'têtes', "têtes d'attention", "tête d'attention"),
  ],
  'head-dimension': [always('head_dim', 'head_size', 'd_head', 'dim_head', 'head dimension', 'dimension des têtes', 'dimension de tête'), ml('d_k', 'd_v', 'hs')],
  'attention-scores': [
    always('attn_weights', 'attention_scores', 'attention_weights', 'attn_scores', 'att_weights', 'attention scores', 'attention weights', "scores d'attention", "poids d'attention"),
    near(ATTENTION, 'scores', 'score', 'att'),
  ],
  'attention-mask': [always('attention_mask', 'attn_mask', 'key_padding_mask', 'src_key_padding_mask', 'attention mask', "masque d'attention"), ml('mask', 'masks')],
  'causal-mask': [always('is_causal', 'causal_mask', 'torch.tril', 'tril', 'triu', 'causal mask', 'masque causal'), near(CAUSAL, 'mask', 'masks', 'masque')],
  'scaled-dot-product-attention': [always('scaled_dot_product_attention', 'sdpa', 'F.scaled_dot_product_attention')],
  'flash-attention': [always('flash_attn', 'flash_attention', 'use_flash_attention', 'flash_attention_2', 'FlashAttention'), near(['attention', 'attn', 'sdpa', 'scaled_dot_product_attention', 'kernel'], 'flash')],
  'feedforward-network': [
    always('ffn', 'feed_forward', 'FeedForward', 'c_fc', 'mlp_block', 'ffn_dim', 'feed-forward', 'feedforward', 'feed-forward layer'),
    // `self.mlp` in a Transformer block is its feed-forward network.
    { forms: ['mlp', 'MLP'], ml: true, zone: 'code', near: ['attn', 'attention', 'block', 'ln', 'ln_1', 'ln_2', 'norm', 'transformer', 'residual', 'c_fc', 'c_proj', 'n_embd', 'embd', 'x'] },
    fr('réseau feed-forward', 'couche feed-forward', 'réseau à propagation avant'),
  ],
  'linear-layer': [always('nn.Linear', 'tf.keras.layers.Dense', 'fully connected', 'c_proj', 'o_proj', 'out_proj'), ml('Dense'), { forms: ['Linear', 'linear'], ml: true, zone: 'code', before: '.' }],
  'bias-term': [
    // In code a bias is a layer's bias term, not algorithmic bias.
    { forms: ['bias', 'biases', 'bias_term', 'use_bias', 'add_bias'], zone: 'code-file', ml: true },
    { forms: ['bias', 'biases'], near: BIAS_TERM_WORDS },
    { forms: ['biais'], lang: 'fr', near: BIAS_TERM_WORDS },
    always('bias=True', 'bias=False', 'bias term', 'bias terms', 'bias vector', 'bias vectors'),
  ],
  weights: [attribute('weight'), frMl('poids')],
  'embedding-layer': [always('wte', 'tok_embeddings', 'tok_emb', 'embed_tokens', 'token_embedding', 'token_embedding_table', 'word_embeddings', 'embedding matrix', 'embedding table', 'nn.Embedding', 'embedding layer', 'matrice de plongement', 'matrice des plongements'), ml('Embedding')],
  'learned-positional-embedding': [always('wpe', 'pos_emb', 'position_embeddings', 'pos_embedding', 'position_embedding_table', 'positional_embedding', 'embed_positions')],
  'rotary-position-embedding': [always('apply_rotary_emb', 'apply_rotary_pos_emb', 'freqs_cis', 'rope_theta', 'rotary_emb', 'RotaryEmbedding', 'precompute_freqs_cis', 'rotate_half'), ml('rope')],
  'context-length-extension': [always('rope_scaling', 'position interpolation', 'yarn')],
  'language-modeling-head': [always('lm_head', 'LMHead', 'language model head', 'lm head'), near(['embedding', 'embeddings', 'vocab', 'vocab_size', 'logits', 'vocabulary', 'tying', 'tied', 'tok_embeddings', 'wte'], 'output projection')],
  'layer-normalization': [
    always('LayerNorm', 'layer_norm', 'nn.LayerNorm', 'input_layernorm', 'post_attention_layernorm', 'norm1', 'norm2', 'ln_f', 'ln_1', 'ln_2', 'ln1', 'ln2', 'lnf'),
    // `ln` is a layer normalisation in model code, but `ln(x)` in prose is a logarithm.
    { forms: ['ln'], ml: true, zone: 'code' },
    { forms: ['ln'], ml: true, zone: 'prose', notAfter: /^\(/ },
  ],
  rmsnorm: [always('RMSNorm', 'rms_norm', 'LlamaRMSNorm', 'rmsnorm')],
  normalization: [always('norm_eps', 'layer_norm_eps', 'rms_norm_eps')],
  'pre-layer-normalization': [always('pre-norm', 'prenorm', 'post-norm', 'postnorm', 'pre-LN', 'post-LN')],
  swiglu: [always('SwiGLU', 'swiglu', 'gate_proj', 'up_proj', 'down_proj', 'w1, w2, w3', 'gated linear unit', 'GLU', 'GEGLU')],
  silu: [always('silu', 'F.silu', 'nn.SiLU', 'swish')],
  gelu: [always('F.gelu', 'nn.GELU', 'new_gelu', 'gelu_new', 'NewGELU')],
  relu: [always('nn.ReLU', 'F.relu', 'ReLU')],
  softmax: [always('F.softmax', 'log_softmax', 'nn.Softmax', 'softmax')],
  logits: [always('logits', 'next_token_logits')],
  'transformer-block': [always('n_layer', 'n_layers', 'num_layers', 'num_hidden_layers', 'TransformerBlock', 'DecoderLayer', 'decoder_layer', 'n_blocks', 'num_blocks', 'transformer block', 'transformer blocks'), ml('Block')],
  'mlp-ratio': [always('intermediate_size', 'ffn_dim_multiplier', 'mlp_ratio', 'ffn_hidden_size', 'd_ff', 'dim_feedforward')],
  vocabulary: [always('vocab_size', 'n_vocab', 'vocabulary_size'), ml('vocab')],
  'token-id': [always('input_ids', 'token_ids', 'token id', 'token ids', 'pad_token_id', 'eos_token_id', 'bos_token_id', 'decoder_input_ids', 'tokens_ids', 'identifiant de token', 'identifiants de tokens')],
  'sequence-length': [
    always('seq_len', 'max_seq_len', 'seqlen', 'max_seq_length', 'seq_length', 'sequence_len', 'sequence_length', 'max_sequence_length', 'context_length', 'sequence length', 'longueur de séquence', 'longueur de la séquence'),
    ml('block_size', 'max_length', 'n_ctx', 'n_positions', 'max_position_embeddings', 'slen', 'max_len', 'ctx_len'),
  ],
  'weight-tying': [always('tie_word_embeddings', 'tie_weights', 'tied embeddings', 'weight tying', 'tied weights')],
  'weight-initialization': [always('init_weights', '_init_weights', 'reset_parameters', 'weight init', 'weight initialisation', 'weight initialization'), ml('initialisation', 'initialization')],
  'xavier-initialization': [always('xavier_uniform_', 'xavier_normal_', 'kaiming_normal_', 'kaiming_uniform_', 'glorot_uniform', 'he_normal')],
  'nn-module': [always('nn.Module', 'torch.nn.Module', 'nn.ModuleList', 'nn.Sequential')],
  'model-parallelism': [always('model_parallel', 'pipeline_parallel')],
  padding: [always('pad_token', 'pad_token_id', 'padding_side', 'pad_to_multiple_of', 'ignore_index'), frMl('rembourrage')],
  'max-new-tokens': [always('max_new_tokens', 'max_tokens', 'maxNewTokens', 'max_new_token', 'max_gen_len', 'num_predict')],
  'top-k-sampling': [always('top_k', 'topk', 'top-k', 'topK', 'top k', 'top_k_filtering')],
  'top-p-sampling': [always('top_p', 'top-p', 'topP', 'top_p_filtering'), ml('nucleus')],
  'min-p-sampling': [always('min_p', 'min-p', 'minP')],
  'repetition-penalty': [always('repetition_penalty', 'frequency_penalty', 'presence_penalty', 'repeat_penalty', 'applyRepetitionPenalty', 'apply_repetition_penalty')],
  'stop-sequence': [always('stop_sequences', 'stop_token', 'eos_token', 'eosTokenId', 'eos_token_id', 'stopping_criteria', 'end-of-sequence token', 'end of sequence token', 'stop sequence')],
  'special-tokens': [always('special_tokens', 'bos_token', 'eos_token', 'endoftext', 'end-of-sequence token')],
  sampling: [always('do_sample', 'sampleNext', 'sample_next'), ml('multinomial'), frMl(...frenchVerb('échantillonn'))],
  'greedy-decoding': [always('greedy search', 'greedy decoding'), ml('greedy'), near(['logits', 'token', 'tokens', 'next', 'decode', 'decoding', 'greedy', 'temperature', 'sample', 'sampling'], 'argmax')],
  'chat-template': [always('apply_chat_template', 'chat_template')],
  // ---- libraries ----
  pytorch: [always('torch', 'pytorch', 'libtorch')],
  'hugging-face-transformers': [
    always('AutoModelForCausalLM', 'AutoModelForSeq2SeqLM', 'AutoModelForSequenceClassification', 'AutoModel', 'AutoConfig'),
    // `import transformers`, huggingface/transformers: the library, not the architecture.
    { forms: ['transformers'], zone: 'code', near: ['import', 'from'] },
    { forms: ['transformers'], near: ['hugging', 'huggingface', 'hf', 'library', 'pip', 'install', 'peft', 'trl', 'accelerate'] },
  ],
  tokenizer: [always('AutoTokenizer', 'tokenizer', 'tokenize', 'tokenizes', 'tokenized', 'tokenise', 'tokenises', 'tokenised')],
  'hugging-face-hub': [always('from_pretrained', 'push_to_hub', 'save_pretrained', 'hf_hub_download', 'huggingface_hub')],
  'peft-library': [
    always('LoraConfig', 'get_peft_model', 'PeftModel', 'prepare_model_for_kbit_training', 'target_modules', 'lora_target_modules'),
    // PEFT beside other libraries is the library, not the family of methods.
    { forms: ['peft'], near: ['transformers', 'trl', 'library', 'libraries', 'import', 'from', 'hugging', 'face', 'accelerate', 'datasets', 'pip', 'install', 'bitsandbytes', 'wraps'] },
  ],
  lora: [
    always('lora_r', 'lora_alpha', 'lora_dropout', 'lora_rank', 'lora_target', 'lora_A', 'lora_B', 'LoRA adapter', 'LoRA adapters'),
    near(['lora', 'lora_r', 'adapter', 'adapters', 'update', 'matrices', 'matrix', 'alpha', 'low'], 'rank'),
    { ...near(['lora', 'adaptateur', 'adaptateurs', 'matrice', 'matrices', 'alpha', 'mise', 'petit'], 'rang'), lang: 'fr' },
  ],
  'parameter-efficient-fine-tuning': [ml('adapter', 'adapters'), frMl('adaptateur', 'adaptateurs')],
  qlora: [always('nf4', 'bnb_4bit_quant_type', 'bnb_4bit_compute_dtype', 'BitsAndBytesConfig')],
  quantization: [always('load_in_4bit', 'load_in_8bit', 'quantize', 'quantized', 'quantization_config'), ml('int8', 'int4', '4-bit', '8-bit'), fr(...frenchVerb('quantifi'))],
  'trl-library': [always('SFTTrainer', 'DPOTrainer', 'PPOTrainer', 'GRPOTrainer', 'SFTConfig', 'DPOConfig', 'trl')],
  'trainer-api': [ml('Trainer', 'TrainingArguments', 'trainer')],
  dataset: [always('TensorDataset', 'IterableDataset')],
  'datasets-library': [always('load_dataset', 'DatasetDict', 'datasets.load_dataset')],
  'scikit-learn': [always('sklearn', 'scikit-learn')],
  'train-validation-test-split': [always('train_test_split', 'val_split', 'test_size', 'validation_split', 'val_set_size', 'test split', 'held-out split', 'held out split'), fr('jeu de test', 'jeu de validation', "jeu d'entraînement", "ensemble d'entraînement", 'ensemble de test')],
  'cross-validation': [always('cross_val_score', 'cross_validate', 'KFold', 'StratifiedKFold', 'cross_val_predict')],
  'grid-search': [always('GridSearchCV', 'ParameterGrid', 'grid search'), fr('recherche sur grille', 'recherche par grille', 'recherche en grille')],
  'random-search': [always('RandomizedSearchCV')],
  accuracy: [always('accuracy_score', 'top1_acc', 'val_acc', 'train_acc'), ml('acc'), fr('exactitude', 'justesse')],
  'f1-score': [always('f1_score', 'f1-score', 'macro_f1', 'micro_f1', 'F1 score'), ml('f1'), fr('score F1')],
  'confusion-matrix': [always('confusion_matrix', 'ConfusionMatrixDisplay')],
  'roc-auc': [always('roc_auc_score', 'roc_curve', 'courbe ROC'), ml('roc')],
  'logistic-regression': [always('LogisticRegression')],
  'linear-regression': [always('LinearRegression')],
  'l1-regularization': [always('Lasso')],
  'l2-regularization': [always('Ridge')],
  'random-forest': [always('RandomForestClassifier', 'RandomForestRegressor')],
  'ensemble-learning': [always('n_estimators', 'VotingClassifier', 'StackingClassifier')],
  'decision-tree': [always('DecisionTreeClassifier', 'DecisionTreeRegressor')],
  'gradient-boosting': [always('GradientBoostingClassifier', 'GradientBoostingRegressor', 'HistGradientBoostingClassifier')],
  'k-nearest-neighbors': [always('KNeighborsClassifier', 'KNeighborsRegressor')],
  'support-vector-machine': [always('SVC', 'SVR', 'LinearSVC')],
  'multilayer-perceptron': [always('MLPClassifier', 'MLPRegressor')],
  'principal-component-analysis': [always('PCA')],
  'k-means': [always('KMeans', 'MiniBatchKMeans')],
  xgboost: [always('XGBClassifier', 'XGBRegressor', 'xgb', 'LGBMClassifier', 'lightgbm')],
  numpy: [always('numpy', 'ndarray')],
  pandas: [always('pandas', 'DataFrame')],
  'experiment-tracking': [en('experiment tracker', 'experiment trackers', 'experiment tracking'), always('wandb', 'tensorboard', 'mlflow', 'SummaryWriter', 'Weights & Biases', 'Weights and Biases', 'wandb_log', 'report_to')],
  'onnx-runtime': [always('onnxruntime', 'onnxruntime-web', 'onnxruntime-node', 'InferenceSession'), ml('ort')],
  cuda: [always('cuda', 'torch.cuda')],
  'kernel-fusion': [always('fused kernel', 'fused kernels'), ml('fused')],
  'training-tokens': [always('tokens_per_iter', 'tokens_seen', 'num_tokens_seen')],
  'model-export': [always('torch.onnx.export', 'export_onnx')],
  'early-stopping': [always('early_stopping_patience', 'EarlyStopping', 'early_stopping'), ml('patience')],
  // ---- prose: phrasings and French inflections ----
  'next-token-prediction': [
    en('predicting the next word', 'predict the next word', 'predicts the next word', 'predicted the next word', 'predicting the next token', 'predict the next token', 'predicts the next token', 'next-word prediction', 'next word prediction', 'predicting the following word', 'guess the next word'),
    fr('prédire le mot suivant', 'prédire le token suivant', 'prédire le prochain mot', 'prédire le prochain token', 'prédiction du mot suivant', 'prédiction du prochain mot', 'prédiction du token suivant', 'prédit le mot suivant', 'prédit le token suivant', 'prédire le jeton suivant'),
  ],
  'fine-tuning': [
    always('finetune', 'finetunes', 'finetuned', 'finetuning', 'fine-tuner'),
    fr(...frenchVerb('finetun'), ...frenchVerb('fine-tun'), 'fine-tuné', 'fine-tunée', 'fine-tunés', 'fine-tunées'),
  ],
  overfitting: [
    en('overfit', 'overfits', 'overfitted', 'overfitting', 'over-fit', 'over-fitting', 'over-fitted'),
    fr(...frenchVerb('overfitt'), 'overfit', 'surappris', 'surapprise', 'surapprises', 'surapprend', 'surapprendre', 'surapprennent', 'surapprenne', 'surapprenant'),
  ],
  underfitting: [en('underfit', 'underfits', 'underfitted'), fr(...frenchVerb('underfitt'), 'sous-appris', 'sous-apprend')],
  'pre-training': [fr(...frenchVerb('pré-entraîn'), 'pré-entraîner', 'préentraîné'), en('pretrain', 'pretrained', 'pre-train', 'pre-trained')],
  convergence: [fr(...frenchVerb('converg'), 'convergé'), en('converge', 'converges', 'converged', 'converging')],
};

/**
 * Everyday words that a glossary form may be (`scaling`, `parameters`, `label`, `feature`, `score`,
 * `compute`): alone, they show the concept only where the text names it. Keyed by the word as written; the
 * rules say when the bare word counts (none: never alone, only within a longer term).
 */
export const GENERIC_WORDS: Readonly<Record<string, readonly Omit<CodeTermRule, 'forms'>[]>> = {
  ...Object.fromEntries(
    ['parameter', 'parameters', 'paramètre', 'paramètres'].map((word) => [
      word,
      [{ near: ['model', 'models', 'modèle', 'modèles', 'billion', 'billions', 'million', 'millions', 'milliard', 'milliards', 'trainable', 'entraînables', 'learnable', 'count', 'number', 'nombre', 'gradient', 'gradients', 'weight', 'weights', 'poids', 'network', 'réseau', 'layer', 'layers', 'couche', 'couches', 'frozen', 'gelés', 'optimizer', 'total', 'scaling', 'tokens', 'every', 'each', 'chaque', 'm', 'b', 'k', 'nn'] }],
    ]),
  ),
  ...Object.fromEntries(['scaling', 'échelle', 'echelle'].map((word) => [word, [{ near: ['law', 'laws', 'loi', 'lois', 'model', 'models', 'modèles', 'compute', 'up', 'taille'] }]])),
  ...Object.fromEntries(['label', 'labels', 'étiquette', 'étiquettes'].map((word) => [word, [{ ml: true, notNear: PLOTTING }]])),
  ...Object.fromEntries(
    ['feature', 'features'].map((word) => [
      word,
      [
        { ml: true, zone: 'code' as const, notNear: PLOTTING },
        { near: ['column', 'columns', 'vector', 'vectors', 'input', 'inputs', 'matrix', 'engineering', 'importance', 'selection', 'scaling', 'dataset', 'categorical', 'numerical', 'numeric', 'each', 'every', 'x', 'extraction', 'map', 'maps', 'space', 'target', 'label', 'labels',
          // "What is a feature?", « C'est quoi une feature ? »: asked what it is, the word is the concept's.
          'what', 'quoi', 'colonne', 'colonnes', 'variable', 'variables', 'cible', 'modèle', 'model'] },
      ],
    ]),
  ),
  ...Object.fromEntries(['caractéristique', 'caractéristiques'].map((word) => [word, [{ ml: true }]])),
  ...Object.fromEntries(['score', 'scores'].map((word) => [word, []])),
  // « Attention : ... », « Attention à ... »: a warning in French, not the mechanism.
  attention: [{ notAfter: /^\s*(?::|!|à\s|aux?\s)/ }],
  ...Object.fromEntries(['temperature', 'temperatures', 'température', 'températures'].map((word) => [word, [{ ml: true, zone: 'code-file' as const }, { near: TEMPERATURE_WITH }]])),
  compute: [{ near: ['budget', 'optimal', 'amount', 'more', 'less', 'flops', 'gpu', 'gpus', 'cost', 'train-time', 'inference-time', 'test-time'] }],
};

/** Words before a concept inside an identifier that leave its meaning: `num_warmup_steps`, `max_grad_norm`. */
export const IDENTIFIER_PREFIXES: readonly string[] = ['num', 'n', 'max', 'min', 'total', 'use', 'enable', 'do', 'init', 'initial', 'base', 'peak', 'my', 'get', 'set', 'compute', 'apply', 'best', 'default', 'target'];
/** Words after a concept inside an identifier that leave its meaning: `warmup_iters`, `dropout_rate`. */
export const IDENTIFIER_SUFFIXES: readonly string[] = ['steps', 'step', 'iters', 'iter', 'iterations', 'epochs', 'ratio', 'frac', 'fraction', 'rate', 'prob', 'p', 'size', 'len', 'length', 'count', 'fn', 'func', 'type', 'config', 'cfg', 'enabled', 'kwargs', 'args'];

/**
 * Imports that make a file machine-learning code (Python, JavaScript and TypeScript), where the field's
 * ambiguous short forms (`lr`, `ln`, `bs`, `kv`) count.
 */
export const ML_IMPORT =
  /^[ \t]*(?:import|from)[ \t]+(?:torch|tensorflow|tf_keras|keras|jax|flax|optax|equinox|sklearn|transformers|peft|trl|datasets|accelerate|deepspeed|diffusers|lightning|pytorch_lightning|xgboost|lightgbm|catboost|timm|torchvision|torchaudio|tiktoken|tokenizers|sentence_transformers|vllm|onnxruntime|mlx|einops|triton|bitsandbytes|wandb|mlflow|llama_cpp|ollama|openai|anthropic|langchain\w*|llama_index|gensim|spacy|nltk|keras_nlp|fairseq|megatron|torchtune|litgpt|unsloth)\b|(?:from[ \t]+|require\()[ \t]*['"](?:onnxruntime-web|onnxruntime-node|onnxruntime-react-native|@tensorflow\/tfjs[\w-]*|@xenova\/transformers|@huggingface\/[\w-]+|@mlc-ai\/web-llm|ml5|brain\.js|openai|@anthropic-ai\/sdk|ollama|langchain|@langchain\/[\w-]+|llamaindex)['"/]/m;
