"""Custom Rasa NLU components, registered with Rasa's recipe (referenced by path in config.yml)."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import tensorflow as tf
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.featurizers.dense_featurizer.lm_featurizer import LanguageModelFeaturizer
from rasa.nlu.utils.spacy_utils import SpacyNLP
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.model_data import ragged_array_to_ndarray

from bot.bootstrap import policy_at
from bot.nlp.intent_model import SAVED_TYPES, IntentModel, IntentSettings, TrainingSet
from bot.nlp.matches import DETECTED_URGENCY, RuleMatches, only_other_alphabets
from bot.nlp.rules import RuleMatcher
from bot.nlp.weights import model_folder
from bot.policy import Policy, parse_policy

logger = logging.getLogger(__name__)
POLICY_SNAPSHOT = "policy_sources.json"
DEFAULT_POLICY_DIR = "policy_rules"


def policy_fingerprint(config: dict[str, Any]) -> str:
    """Retrain when any policy file changes, not only when config does."""
    digest = hashlib.sha256()
    for path in sorted(Path(config.get("policy_dir") or DEFAULT_POLICY_DIR).glob("*.yml")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def policy_of(config: dict[str, Any]) -> Policy:
    """The process's one policy (bot.bootstrap.policy_at) for a component's `policy_dir`."""
    return policy_at(config.get("policy_dir") or DEFAULT_POLICY_DIR)


class ReadsPolicy:
    """A graph component that reads policy_rules/: retrained when any policy file changes."""

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        return policy_fingerprint(config)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class PolicyRuleMatcher(ReadsPolicy, GraphComponent, EntityExtractorMixin):
    """Adds the policy_rules matches (urgency, adjustments, representatives, exclusion cues,
    outcomes, references, time ago and ongoing) to each message as entities.

    The policy files are snapshotted into the model at training, so a trained model always
    matches with the rules it was trained beside.
    """

    @classmethod
    def required_components(cls) -> list[type]:
        return [SpacyNLP]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"policy_dir": DEFAULT_POLICY_DIR}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        policy: Policy | None = None,
    ) -> None:
        self._config, self._storage, self._resource = config, model_storage, resource
        self._policy = policy
        self._matcher: RuleMatcher | None = None

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PolicyRuleMatcher:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> PolicyRuleMatcher:
        with model_storage.read_from(resource) as directory:
            sources = json.loads((directory / POLICY_SNAPSHOT).read_text(encoding="utf-8"))
        # The Rasa server refuses a model whose snapshot differs from the live files
        # (bot.rasa_startup), so there the live policy it has already read is the snapshot's.
        live = policy_of(config)
        policy = live if live.sources == sources else parse_policy(sources)
        return cls(config, model_storage, resource, policy)

    def train(self, training_data: TrainingData) -> Resource:
        self._policy = policy_of(self._config)
        with self._storage.write_to(self._resource) as directory:
            (directory / POLICY_SNAPSHOT).write_text(
                json.dumps(self._policy.sources), encoding="utf-8"
            )
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            doc = message.get(SPACY_DOCS[TEXT])
            if doc is None:
                continue
            matches = self._matcher_for(doc.vocab).match(doc)
            entities = [
                {**entity, "extractor": self.__class__.__name__} for entity in matches.as_entities()
            ]
            message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages

    def _matcher_for(self, vocab: Any) -> RuleMatcher:
        if self._policy is None:
            self._policy = policy_of(self._config)
        if self._matcher is None:
            self._matcher = RuleMatcher(self._policy, vocab)
        return self._matcher


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class PackagedLanguageModelFeaturizer(LanguageModelFeaturizer):
    """Rasa's LanguageModelFeaturizer with weights from an installed package, run as a graph.

    The model archive stores only a weights path, so the folder is resolved from the package at
    load time. The stock featurizer runs TensorFlow eagerly; a traced function with dynamic
    shapes gives the same outputs about four times faster (DESIGN §7). It also sends every word
    through the slow Python WordPiece tokenizer one at a time, so word pieces are remembered.
    """

    WORD_PIECE_MEMORY = 50_000

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **LanguageModelFeaturizer.get_default_config(),
            "model_package": None,
            "encoder_layers": None,
        }

    def _load_model_metadata(self) -> None:
        if self._config.get("model_package"):
            self._config["model_weights"] = str(model_folder(self._config["model_package"]))
        super()._load_model_metadata()

    def _load_model_instance(self) -> None:
        super()._load_model_instance()
        model = self.model
        if self._config.get("encoder_layers"):
            # The lower layers alone: less work per message, features as good (config.yml).
            encoder = model.bert.encoder
            encoder.layer = encoder.layer[: int(self._config["encoder_layers"])]
        spec = tf.TensorSpec(shape=[None, None], dtype=tf.int32)

        @tf.function(input_signature=[spec, tf.TensorSpec(shape=[None, None], dtype=tf.float32)])
        def hidden_states(token_ids: tf.Tensor, attention_mask: tf.Tensor) -> tf.Tensor:
            return model(token_ids, attention_mask=attention_mask)[0]

        self._hidden_states = hidden_states
        self._hidden_states(tf.ones([1, 4], tf.int32), tf.ones([1, 4], tf.float32))  # warm up
        self._word_pieces: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {}

    def _lm_tokenize(self, text: str) -> tuple[list[int], list[str]]:
        pieces = self._word_pieces.get(text)
        if pieces is None:
            ids, strings = super()._lm_tokenize(text)
            pieces = (tuple(ids), tuple(strings))
            if len(self._word_pieces) < self.WORD_PIECE_MEMORY:
                self._word_pieces[text] = pieces
        return list(pieces[0]), list(pieces[1])

    def _post_process_sequence_embeddings(
        self, sequence_embeddings: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The sentence feature is the normalised mean of the token states, the pooling the
        MiniLM sentence model was trained with; Rasa's BERT default, the [CLS] state, is not
        trained for it in this model."""
        sentences, tokens = [], []
        for states in sequence_embeddings:
            sentences.append(np.mean(states, axis=0))
            tokens.append(states[1:-1])
        return np.array(sentences), ragged_array_to_ndarray(tokens)

    def _compute_batch_sequence_features(
        self, batch_attention_mask: np.ndarray, padded_token_ids: list[list[int]]
    ) -> np.ndarray:
        states = self._hidden_states(
            tf.convert_to_tensor(padded_token_ids, dtype=tf.int32),
            tf.convert_to_tensor(batch_attention_mask, dtype=tf.float32),
        )
        return states.numpy()


# Metadata that marks an example written for the safety check (data/nlu/safety_*.yml).
SAFETY = "safety"


def _example_metadata(message: Message) -> dict[str, Any]:
    example = (message.get("metadata") or {}).get("example") or {}
    return example if isinstance(example, dict) else {}


def written_for_safety(message: Message) -> bool:
    return _example_metadata(message).get("written_for") == SAFETY


def from_real_source(message: Message) -> bool:
    """A real message from a public source (data/nlu/real_messages.yml names its source)."""
    return bool(_example_metadata(message).get("source"))


def _sentence_features(messages: list[Message]) -> tuple[np.ndarray, Any]:
    """Each message's MiniLM sentence feature and its word counts (sentence-level)."""
    from scipy.sparse import csr_matrix, vstack

    sentences, counts = [], []
    for message in messages:
        dense = message.get_dense_features(TEXT)[1]
        sparse = message.get_sparse_features(TEXT)[1]
        sentences.append(np.asarray(dense.features).reshape(-1) if dense else np.zeros(0))
        counts.append(csr_matrix(sparse.features) if sparse else csr_matrix((1, 0)))
    return np.vstack(sentences), vstack(counts).tocsr()


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TriageIntentClassifier(ReadsPolicy, LogisticRegressionClassifier):
    """The intent classifier: bot.nlp.intent_model over the message's text (TF-IDF of words and
    characters) and its MiniLM sentence feature, settings from config.yml.

    Training examples are weighted so that each triage label (complaint, service request,
    excluded, escalation, other) counts the same: Rasa balances by intent, and "other" spans
    twelve intents and "complaint" two, so balancing by intent gives the small chit-chat and
    enquiry intents the weight of the whole complaint label. Examples written for the safety
    check and real messages are then weighed as configured.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **LogisticRegressionClassifier.get_default_config(),
            "policy_dir": None,
            **asdict(IntentSettings()),
        }

    def __init__(
        self,
        config: dict[str, Any],
        name: str,
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.model = IntentModel(IntentSettings.from_config(self.config), policy_of(self.config))

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            return self._resource
        sentences, counts = _sentence_features(examples)
        self.model.fit(
            TrainingSet(
                [str(e.get(TEXT)) for e in examples], sentences, counts,
                [str(e.get(INTENT)) for e in examples],
                np.array([written_for_safety(e) for e in examples]),
                np.array([from_real_source(e) for e in examples]),
            )
        )  # fmt: skip
        self.persist()
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        if self.model.classifier is None or not messages:
            return messages
        sentences, counts = _sentence_features(messages)
        texts = [str(m.get(TEXT) or "") for m in messages]
        classes = self.model.classes_
        for message, probabilities in zip(
            messages, self.model.predict_proba(texts, sentences, counts), strict=True
        ):
            order = np.argsort(-probabilities, kind="stable")
            ranking = [
                {"name": str(classes[i]), "confidence": float(probabilities[i])} for i in order
            ]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking[: self.config["ranking_length"] or None],
                        add_to_output=True)  # fmt: skip
        return messages

    def persist(self) -> None:
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as directory:
            sio.dump(
                {
                    "vectorizers": self.model.vectorizers,
                    "classifier": self.model.classifier,
                    "label_classifier": self.model.label_classifier,
                },
                directory / f"{self._resource.name}.skops",
            )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TriageIntentClassifier:
        import skops.io as sio

        component = cls(config, execution_context.node_name, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                saved = sio.load(directory / f"{resource.name}.skops", trusted=SAVED_TYPES)
        except ValueError:
            return component  # not trained (no intent examples): every message stays unparsed
        component.model.vectorizers = saved["vectorizers"]
        component.model.classifier = saved["classifier"]
        component.model.label_classifier = saved.get("label_classifier")
        return component


NOT_URGENT = "none"
# The class of written near misses when the detector learns them apart from ordinary messages.
NEAR_MISS = "near_miss"
OUT_OF_SCOPE = "out_of_scope"
# A goodbye in one of the landlord's languages is read as the goodbye it is.
GOODBYE = "goodbye"


def urgency_labels(messages: list[Message], matcher: RuleMatcher) -> list[str]:
    """What each training message teaches the urgency detector: the danger its `urgency`
    metadata names (`none` for a written near miss); otherwise the danger the policy cues find
    in it, or `none`. So an urgent example written for an intent is never taught as safe."""
    labels = []
    for message in messages:
        example = (message.get("metadata") or {}).get("example") or {}
        written = example.get("urgency") if isinstance(example, dict) else None
        if written:
            labels.append(str(written))
            continue
        found = matcher.match(matcher.make_doc(str(message.get(TEXT)))).urgency
        labels.append(found[0] if found else NOT_URGENT)
    return labels


def written_near_miss(message: Message) -> bool:
    """A near miss written for the safety check: its `urgency` metadata says `none`."""
    return _example_metadata(message).get("urgency") == NOT_URGENT


def detector_targets(
    labels: Sequence[str], near_miss: np.ndarray, split: bool, weight: float
) -> tuple[np.ndarray, np.ndarray]:
    """What the detector learns from each example, and how much the example weighs.

    With balanced class weights a written near miss ("whats the point of complaining") weighs
    no more than any of the thousands of ordinary messages in `none`, so the detector barely
    learns it. `split` gives the near misses a class of their own (so balancing weighs them as
    much as a danger); `weight` multiplies each near miss's weight."""
    targets = np.where(near_miss & split, NEAR_MISS, np.asarray(labels, dtype=object))
    return targets, np.where(near_miss, weight, 1.0)


def urgent_probability(classes: Sequence[str], probabilities: np.ndarray) -> np.ndarray:
    """Each row's probability that the message is urgent at all: neither ordinary nor a near
    miss."""
    safe = [i for i, name in enumerate(classes) if name in (NOT_URGENT, NEAR_MISS)]
    return 1.0 - probabilities[:, safe].sum(axis=1)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class UrgencyDetector(ReadsPolicy, LogisticRegressionClassifier):
    """A learned danger detector on the intent model's features (word counts and MiniLM
    sentence features): logistic regression over the danger categories and `none`.

    It adds one entity, `detected_urgency`: the likeliest danger, with the probability that the
    message is urgent at all (1 - p(none)) as its confidence. Triage turns that into a route or
    a safety question with the thresholds in policy_rules/urgency.yml; the policy cues stay the
    floor. Trained on data/nlu, where data/nlu/safety_*.yml label dangers and near misses.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **LogisticRegressionClassifier.get_default_config(),
            "policy_dir": None,
            "C": 1.0,
            "near_miss_class": False,
            "near_miss_weight": 1.0,
        }

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            return self._resource
        targets, weights = detector_targets(
            urgency_labels(examples, RuleMatcher.blank(policy_of(self.config))),
            np.array([written_near_miss(e) for e in examples]),
            bool(self.config["near_miss_class"]),
            float(self.config["near_miss_weight"]),
        )
        self.clf.set_params(C=self.config["C"])
        self.clf.fit(self._create_X(examples), targets, sample_weight=weights)
        self.persist()
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        if not hasattr(self.clf, "classes_"):
            return messages
        classes = [str(c) for c in self.clf.classes_]
        probabilities_of = self.clf.predict_proba(self._create_X(messages))
        urgent_of = urgent_probability(classes, probabilities_of)
        dangers = [i for i, c in enumerate(classes) if c not in (NOT_URGENT, NEAR_MISS)]
        for message, probabilities, urgent in zip(
            messages, probabilities_of, urgent_of, strict=True
        ):
            if RuleMatches.from_entities(message.get(ENTITIES, [])).language:
                # Trained on English: in another language only the policy's own danger words in
                # that language count (a Polish noise complaint is not danger).
                continue
            likeliest = classes[max(dangers, key=lambda i: probabilities[i])]
            entity = {
                "entity": DETECTED_URGENCY,
                "value": likeliest,
                "confidence": round(float(urgent), 4),
                "extractor": self.__class__.__name__,
            }
            message.set(ENTITIES, [*message.get(ENTITIES, []), entity], add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class PersonRequestCheck(GraphComponent):
    """Keeps "asking for a person" only when the message has words for it (policy_rules), and
    takes a message in another alphabet or language as out of scope.

    Asking for a person pauses the chat, so a name or an email typed into the complaint form and
    misread as that request would end the conversation. Without a person word, the classifier's
    next guess stands instead. Button payloads ("/request_human") are not touched.
    """

    REQUEST = "request_human"

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PersonRequestCheck:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            text = str(message.get(TEXT) or "")
            if RuleMatches.from_entities(message.get(ENTITIES, [])).goodbye_language:
                # "la revedere", "dziekuje, do widzenia": a goodbye, in the landlord's words for it.
                goodbye = {INTENT_NAME_KEY: GOODBYE, "confidence": 1.0}
                message.set(INTENT, goodbye, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [goodbye], add_to_output=True)
                continue
            if (
                only_other_alphabets(text)
                or RuleMatches.from_entities(message.get(ENTITIES, [])).language
            ):
                # The English model cannot read another language, so whatever it guessed is out
                # of scope; the safety check still reads the message's danger words.
                out_of_scope = {INTENT_NAME_KEY: OUT_OF_SCOPE, "confidence": 1.0}
                message.set(INTENT, out_of_scope, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [out_of_scope], add_to_output=True)
                continue
            if intent.get(INTENT_NAME_KEY) != self.REQUEST or text.startswith("/"):
                continue
            if RuleMatches.from_entities(message.get(ENTITIES, [])).person_request:
                continue
            ranking = [
                entry
                for entry in message.get(INTENT_RANKING_KEY, [])
                if entry.get(INTENT_NAME_KEY) != self.REQUEST
            ]
            if ranking:
                message.set(INTENT, ranking[0], add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
